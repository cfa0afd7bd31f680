import Foundation

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
