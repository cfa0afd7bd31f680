import HTTPTypes

extension HTTPField.Name {
    /// Marks a client transition's data request, as Next.js's router sends it.
    public static let nextjsData = HTTPField.Name("x-nextjs-data")!
}
