import Browser
import HTTPTypes

/// A request written as a `curl` command a user can paste into a shell.
package enum CurlCommand {
    /// `curl -i 'http://host/_next/data/…/posts/1.json' -H 'x-nextjs-data: 1'`. Single quotes
    /// keep every character literal; a quote inside is written `'\''`.
    package static func make(_ request: HTTPRequest, base: String) -> String {
        var parts = ["curl", "-i"]
        if request.method != .get { parts += ["-X", quoted(request.method.rawValue)] }
        parts.append(quoted(base + (request.path ?? "/")))
        for field in request.headerFields {
            parts += ["-H", quoted("\(field.name.rawName): \(field.value)")]
        }
        return parts.joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
