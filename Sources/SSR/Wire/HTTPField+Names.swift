import HTTPTypes

/// Header names swift-http-types does not define.
extension HTTPField.Name {
    static let refresh = HTTPField.Name("Refresh")!
    static let serverTiming = HTTPField.Name("Server-Timing")!
}
