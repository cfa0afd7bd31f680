import HTTPTypes

extension HTTPField.Name {
    static let serverTiming = HTTPField.Name("Server-Timing")!
    /// Marks a client transition's data request, as Next.js's router sends it.
    static let nextjsData = HTTPField.Name("x-nextjs-data")!
}
