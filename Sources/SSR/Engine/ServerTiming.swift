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
    /// nothing was timed. Written as bytes: it is on every response.
    var headerValue: String? {
        guard gssp != nil || render != nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(48)
        if let gssp {
            out.append(contentsOf: "gssp;dur=".utf8)
            ServerTiming.append(milliseconds: gssp, to: &out)
        }
        if let render {
            if !out.isEmpty { out.append(contentsOf: ", ".utf8) }
            out.append(contentsOf: "render;dur=".utf8)
            ServerTiming.append(milliseconds: render, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(milliseconds d: Duration, to out: inout [UInt8]) {
        let micros = max(0, d.wholeMicroseconds)
        append(decimal: micros / 1000, to: &out)
        var fraction = micros % 1000
        guard fraction > 0 else { return }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        var divisor: Int64 = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private static func append(decimal value: Int64, to out: inout [UInt8]) {
        guard value >= 10 else { return out.append(UInt8(ascii: "0") + UInt8(value)) }
        append(decimal: value / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
