/// The `Server-Timing` header (a W3C standard header, ignored by Next.js clients): how long
/// `getServerSideProps` and rendering (HTML, or JSON for a data request) took.
struct ServerTiming {
    var gssp: Duration?
    var render: Duration?

    init(gssp: Duration? = nil, render: Duration? = nil) {
        self.gssp = gssp
        self.render = render
    }

    /// `gssp;dur=1.234, render;dur=0.056` (milliseconds), or `nil` when nothing was timed.
    var headerValue: String? {
        let parts = [("gssp", gssp), ("render", render)].compactMap { name, duration in
            duration.map { "\(name);dur=\(ServerTiming.milliseconds($0))" }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private static func milliseconds(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return JSNumber.format(Double(micros) / 1000)
    }
}
