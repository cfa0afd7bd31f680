import HTTPTypes

/// Header names swift-http-types does not define.
extension HTTPField.Name {
    static let refresh = HTTPField.Name("Refresh")!
    /// What the engine reports its phases in (`gssp`, `render`).
    public static let serverTiming = HTTPField.Name("Server-Timing")!
    /// Marks a client transition's data request, as Next.js's router sends it.
    public static let nextjsData = HTTPField.Name("x-nextjs-data")!
    /// The page that answered, for a request that sent `x-nextjs-data`.
    public static let nextjsMatchedPath = HTTPField.Name("x-nextjs-matched-path")!
}
