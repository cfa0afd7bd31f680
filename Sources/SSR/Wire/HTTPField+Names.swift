import HTTPTypes

/// Header names swift-http-types does not define.
extension HTTPField.Name {
    static let refresh = HTTPField.Name("Refresh")!
    /// What the engine reports its phases in (`gssp`, `render`).
    public static let serverTiming = HTTPField.Name("Server-Timing")!
}
