import Browser
import HTTPTypes

/// A request written as a `curl` command a user can paste into a shell.
package enum CurlCommand {
    /// `curl -i 'http://host/_next/data/…/posts/1.json' -H 'x-nextjs-data: 1'`. Single quotes
    /// keep every character literal; a quote inside is written `'\''`. The browser's
    /// `Accept-Encoding` is `--compressed`, so that curl decodes what it asked for.
    package static func make(_ request: HTTPRequest, base: String) -> String {
        var parts = ["curl", "-i"]
        if request.method != .get { parts += ["-X", quoted(request.method.rawValue)] }
        parts.append(quoted(base + (request.path ?? "/")))
        for field in request.headerFields {
            if field.name == .acceptEncoding, field.value == BrowserHeaders.acceptEncoding {
                parts.append("--compressed")
            } else {
                parts += ["-H", quoted("\(field.name.rawName): \(field.value)")]
            }
        }
        return parts.joined(separator: " ")
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
