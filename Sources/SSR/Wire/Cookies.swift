import HTTPTypes

/// `req.cookies`: the `Cookie` header as name → value (npm `cookie`'s reading: values
/// percent-decoded when valid, surrounding quotes removed, the first of a repeated name wins).
enum Cookies {
    static func parse(_ fields: HTTPFields) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in fields[values: .cookie] {
            for pair in header.split(separator: ";") {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<eq].trimmingSpaces
                guard !name.isEmpty, cookies[name] == nil else { continue }
                var value = Substring(pair[pair.index(after: eq)...].trimmingSpaces)
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
                cookies[name] = PercentDecoding.decode(value) ?? String(value)
            }
        }
        return cookies
    }
}
