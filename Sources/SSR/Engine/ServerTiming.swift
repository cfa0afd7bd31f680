/// The `Server-Timing` header (a W3C standard header, ignored by Next.js clients): how long
/// `getServerSideProps` and rendering (HTML, or JSON for a data request) took.
struct ServerTiming {
    var gssp: Duration?
    var render: Duration?

    init(gssp: Duration? = nil, render: Duration? = nil) {
        self.gssp = gssp
        self.render = render
    }

    /// `gssp;dur=1.234, render;dur=0.056` (milliseconds, to the microsecond), or `nil` when
    /// nothing was timed.
    var headerValue: String? {
        var value = ""
        for (name, duration) in [("gssp", gssp), ("render", render)] {
            guard let duration else { continue }
            if !value.isEmpty { value += ", " }
            value += name + ";dur=" + ServerTiming.milliseconds(duration)
        }
        return value.isEmpty ? nil : value
    }

    private static func milliseconds(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let micros = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        var fraction = micros % 1000
        guard fraction > 0 else { return String(micros / 1000) }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return String(micros / 1000) + "." + String(repeating: "0", count: digits - text.count) + text
    }
}
