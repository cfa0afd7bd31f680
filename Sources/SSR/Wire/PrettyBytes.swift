/// Byte counts in SI units with 3 significant digits (`128 kB`, `1.23 MB`), as Next.js's
/// `pretty-bytes` prints them in the large-page-data warning.
package enum PrettyBytes {
    private static let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]

    package static func format(_ bytes: Int) -> String {
        if bytes < 1 { return "\(bytes) B" }
        let value = Double(bytes)
        var exponent = 0
        while exponent < units.count - 1 && value >= pow1000(exponent + 1) { exponent += 1 }
        let scaled = value / pow1000(exponent)
        let magnitude = Int((scaled).rounded(.down)).description.count  // digits before the point
        let factor = pow10(max(0, 3 - magnitude))
        let rounded = (scaled * factor).rounded(.toNearestOrAwayFromZero) / factor
        return JSNumber.format(rounded) + " " + units[exponent]
    }

    private static func pow1000(_ e: Int) -> Double { (0..<e).reduce(1.0) { r, _ in r * 1000 } }
    private static func pow10(_ e: Int) -> Double { (0..<e).reduce(1.0) { r, _ in r * 10 } }
}
