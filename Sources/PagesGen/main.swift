// PagesGen: the build-time tool behind PagesPlugin. It turns a site's pages/ folder into its
// route table, as `next build` writes its pages manifest:
//
//   PagesGen --root <target dir> --output <PageRoutes.generated.swift> --link-dir <dir> pages/a.swift ...
//
// Each page file is symlinked under a unique name (pages+posts+[id].swift), because two files
// with the same name (two index.swift, two [id].swift) cannot compile in one target. Errors are
// printed as `file:line:1: error: …`, which SwiftPM shows against the page file.
import Foundation

struct Failure: Error {
    let file: String
    let line: Int
    let message: String
}

/// What a file under pages/ is: a route's page, or one of Next.js's special files.
enum PageFileKind {
    case page(route: String)
    case document
    case notFoundPage
    case errorPage

    /// The protocols a type in such a file may conform to.
    var protocols: [String] {
        switch self {
        case .page: ["Page", "ServerSidePage"]
        case .document: ["DocumentShell"]
        case .notFoundPage, .errorPage: ["ErrorPage"]
        }
    }

    init(relativePath rel: String) throws(Failure) {
        var parts = rel.split(separator: "/").map(String.init)
        parts.removeFirst()  // "pages"
        parts[parts.count - 1] = String(parts[parts.count - 1].dropLast(".swift".count))
        if parts.count == 1 {
            switch parts[0] {
            case "_document": self = .document; return
            case "404": self = .notFoundPage; return
            case "500": self = .errorPage; return
            case "_app", "_error":
                throw Failure(file: rel, line: 1, message: "pages/\(parts[0]).swift is not used here: put the shared layout in pages/_document.swift (a DocumentShell) and error pages in pages/404.swift and pages/500.swift (ErrorPage)")
            default: break
            }
        }
        if parts.last == "index" { parts.removeLast() }
        for (i, part) in parts.enumerated() {
            guard part.contains("[") || part.contains("]") else { continue }
            let name = part.replacingOccurrences(of: "[[...", with: "").replacingOccurrences(of: "[...", with: "")
                .replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            let wellFormed = ["[\(name)]", "[...\(name)]", "[[...\(name)]]"].contains(part)
                && name.range(of: #"^[A-Za-z_$][A-Za-z0-9_$-]*$"#, options: .regularExpression) != nil
            guard wellFormed else {
                throw Failure(file: rel, line: 1, message: "'\(part)' is not a route segment: use [name], [...name] or [[...name]]")
            }
            if part.hasPrefix("[...") || part.hasPrefix("[[...") {
                guard i == parts.count - 1 else { throw Failure(file: rel, line: 1, message: "Catch-all must be the last part of the URL.") }
            }
        }
        self = .page(route: "/" + parts.joined(separator: "/"))
    }
}

/// Finds the top-level types of a Swift file that conform to one of `protocols`, by a scan of
/// the text with comments and string literals blanked out (not a parser: a conformance through
/// another protocol is not seen).
func conformingTypes(in source: String, to protocols: [String]) -> [(name: String, line: Int)] {
    let text = blankCommentsAndStrings(source)
    let declaration = try! NSRegularExpression(
        pattern: #"(?:^|[\s;])(?:(?:public|internal|fileprivate|private|final|package)\s+)*(?:struct|class|enum|actor)\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:<[^>{]*>)?\s*:([^{]*)$"#)
    var found: [(String, Int)] = []
    var depth = 0
    var segmentStart = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
        let ch = text[index]
        if ch == "{" {
            if depth == 0 {
                let header = String(text[segmentStart..<index])
                let range = NSRange(header.startIndex..., in: header)
                if let match = declaration.firstMatch(in: header, range: range),
                    let nameRange = Range(match.range(at: 1), in: header), let listRange = Range(match.range(at: 2), in: header)
                {
                    let list = header[listRange].components(separatedBy: " where ")[0]
                    let conformances = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    if conformances.contains(where: { c in protocols.contains { c == $0 || c == "SSR.\($0)" } }) {
                        let line = text[..<index].filter { $0 == "\n" }.count + 1
                        found.append((String(header[nameRange]), line))
                    }
                }
            }
            depth += 1
        } else if ch == "}" {
            depth = max(0, depth - 1)
            if depth == 0 { segmentStart = text.index(after: index) }
        } else if ch == ";" && depth == 0 {
            segmentStart = text.index(after: index)
        }
        index = text.index(after: index)
    }
    return found
}

/// Replaces comments and string literals with spaces, keeping newlines (so lines still count).
func blankCommentsAndStrings(_ source: String) -> String {
    let chars = Array(source)
    var out = chars
    var i = 0
    func blank(_ from: Int, _ to: Int) {
        for k in from..<min(to, chars.count) where chars[k] != "\n" { out[k] = " " }
    }
    while i < chars.count {
        if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
            let end = chars[i...].firstIndex(of: "\n") ?? chars.count
            blank(i, end)
            i = end
        } else if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
            var depth = 1
            var j = i + 2
            while j < chars.count && depth > 0 {
                if chars[j] == "/" && j + 1 < chars.count && chars[j + 1] == "*" { depth += 1; j += 2 } else if chars[j] == "*" && j + 1 < chars.count && chars[j + 1] == "/" { depth -= 1; j += 2 } else { j += 1 }
            }
            blank(i, j)
            i = j
        } else if chars[i] == "\"" || (chars[i] == "#" && chars[i...].dropFirst().first(where: { $0 != "#" }) == "\"") {
            var hashes = 0
            var j = i
            while j < chars.count && chars[j] == "#" { hashes += 1; j += 1 }
            let triple = j + 2 < chars.count && chars[j + 1] == "\"" && chars[j + 2] == "\""
            let quote = triple ? 3 : 1
            j += quote
            let closing = Array(repeating: Character("\""), count: quote) + Array(repeating: Character("#"), count: hashes)
            while j < chars.count {
                if hashes == 0 && chars[j] == "\\" { j += 2; continue }
                if !triple && chars[j] == "\n" { break }
                if Array(chars[j..<min(j + closing.count, chars.count)]) == closing { j += closing.count; break }
                j += 1
            }
            blank(i, j)
            i = j
        } else {
            i += 1
        }
    }
    return String(out)
}

func writeIfChanged(_ text: String, to path: String) throws {
    if let old = try? String(contentsOfFile: path, encoding: .utf8), old == text { return }  // keep mtime: no recompile
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

func link(_ source: String, at linkPath: String) throws {
    let fm = FileManager.default
    if (try? fm.destinationOfSymbolicLink(atPath: linkPath)) == source { return }
    try fm.createDirectory(atPath: (linkPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try? fm.removeItem(atPath: linkPath)
    try fm.createSymbolicLink(atPath: linkPath, withDestinationPath: source)
}

func swiftLiteral(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

// MARK: - main

var arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, from arguments: inout [String]) -> String {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else {
        FileHandle.standardError.write(Data("usage: PagesGen --root DIR --output FILE --link-dir DIR pages/…swift …\n".utf8))
        exit(2)
    }
    let value = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
    return value
}
let root = option("--root", from: &arguments)
let output = option("--output", from: &arguments)
let linkDir = option("--link-dir", from: &arguments)
let files = arguments.sorted()

var failures: [Failure] = []
var routes: [(route: String, file: String, type: String, line: Int)] = []
var specials: [String: String] = [:]  // "document" | "notFoundPage" | "errorPage" -> type
var routeOwners: [String: String] = [:]

for rel in files {
    let absolute = (root as NSString).appendingPathComponent(rel)
    do {
        let kind = try PageFileKind(relativePath: rel)
        guard let source = try? String(contentsOfFile: absolute, encoding: .utf8) else {
            throw Failure(file: rel, line: 1, message: "cannot read \(rel)")
        }
        let types = conformingTypes(in: source, to: kind.protocols)
        let wanted = kind.protocols.joined(separator: " or ")
        guard let type = types.first else {
            throw Failure(file: rel, line: 1, message: "no page type found in \(rel): declare exactly one top-level type conforming to \(wanted), e.g. 'struct MyPage: \(kind.protocols.last!) { ... }'")
        }
        guard types.count == 1 else {
            throw Failure(file: rel, line: types[1].line, message: "\(types.count) types conforming to \(wanted) in \(rel) (\(types.map(\.name).joined(separator: ", "))): a page file must declare exactly one")
        }
        switch kind {
        case .page(let route):
            if let other = routeOwners[route] {
                throw Failure(file: rel, line: 1, message: "Duplicate page detected. \(other) and \(rel) resolve to \(route).")
            }
            routeOwners[route] = rel
            routes.append((route, rel, type.name, type.line))
        case .document: specials["document"] = type.name
        case .notFoundPage: specials["notFoundPage"] = type.name
        case .errorPage: specials["errorPage"] = type.name
        }
        try link(absolute, at: (linkDir as NSString).appendingPathComponent(rel.replacingOccurrences(of: "/", with: "+")))
    } catch let failure as Failure {
        failures.append(failure)
    } catch {
        failures.append(Failure(file: rel, line: 1, message: "\(error)"))
    }
}

if !failures.isEmpty {
    for f in failures {
        let path = (root as NSString).appendingPathComponent(f.file)
        FileHandle.standardError.write(Data("\(path):\(f.line):1: error: \(f.message)\n".utf8))
    }
    exit(1)
}

var text = """
    // Generated by PagesPlugin from pages/. Do not edit: add, move or rename page files instead.
    import SSR

    /// The site's pages, from its `pages/` folder: each file's path is its route.
    public enum PageRoutes {
        public static let all: [PageRoute] = [

    """
for r in routes {
    text += "        PageRoute(file: \(swiftLiteral(r.file)), page: \(r.type).self),  // \(r.route) (\(r.file):\(r.line))\n"
}
text += """
        ]
        /// `pages/_document.swift`, or the default shell.
        public static let document: any DocumentShell = \(specials["document"].map { "\($0)()" } ?? "DefaultDocument()")
        /// `pages/404.swift`, or Next.js's default 404 page.
        public static let notFoundPage: (any ErrorPage)? = \(specials["notFoundPage"].map { "\($0)()" } ?? "nil")
        /// `pages/500.swift`, or Next.js's default 500 page.
        public static let errorPage: (any ErrorPage)? = \(specials["errorPage"].map { "\($0)()" } ?? "nil")
    }

    """
do {
    try writeIfChanged(text, to: output)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
