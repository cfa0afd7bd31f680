import Foundation

/// The path patterns of `next.config.js` (`/blog/:slug`, `/docs/:path*`, `/:locale(en|fr)/x`),
/// read as Next.js reads them: with path-to-regexp 6 (its `parse`, `tokensToRegexp` with
/// `delimiter: '/'`, case-insensitive, and `compile`), which Next.js bundles. Used for the
/// rewrites of the build manifest that the client resolves itself.
///
/// ```swift
/// let pattern = try PathToRegexp("/p/:slug")
/// pattern.match("/p/tea")            // slug: "tea"
/// try PathToRegexp("/products/:slug").compile(["slug": .string("tea")])   // "/products/tea"
/// ```
struct PathToRegexp: Sendable {
    struct SyntaxError: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// A parameter of the pattern: `:name`, `:name(pattern)`, `(pattern)`, `{prefix:name}`.
    struct Key: Sendable {
        /// The parameter's name, or its position for an unnamed `(…)` group.
        let name: Name
        let prefix: String
        let suffix: String
        let pattern: String
        /// `""`, `?`, `*` or `+`.
        let modifier: String

        enum Name: Sendable, Hashable {
            case named(String)
            case index(Int)
        }

        var repeats: Bool { modifier == "*" || modifier == "+" }
        var optional: Bool { modifier == "?" || modifier == "*" }
    }

    enum Token: Sendable {
        case text(String)
        case key(Key)
    }

    let tokens: [Token]
    let regex: NSRegularExpression
    var keys: [Key] { tokens.compactMap { if case .key(let key) = $0, !key.pattern.isEmpty { key } else { nil } } }

    /// `strict`: a trailing `/` is not optional.
    init(_ path: String, strict: Bool = false, sensitive: Bool = false) throws(SyntaxError) {
        tokens = try PathToRegexp.parse(path)
        var source = "^"
        for token in tokens {
            switch token {
            case .text(let text): source += PathToRegexp.escape(text)
            case .key(let key):
                let prefix = PathToRegexp.escape(key.prefix), suffix = PathToRegexp.escape(key.suffix)
                if !key.pattern.isEmpty {
                    if !prefix.isEmpty || !suffix.isEmpty {
                        if key.repeats {
                            let optional = key.modifier == "*" ? "?" : ""
                            source += "(?:\(prefix)((?:\(key.pattern))(?:\(suffix)\(prefix)(?:\(key.pattern)))*)\(suffix))\(optional)"
                        } else {
                            source += "(?:\(prefix)(\(key.pattern))\(suffix))\(key.modifier)"
                        }
                    } else {
                        source += "(\(key.pattern))\(key.modifier)"
                    }
                } else {
                    source += "(?:\(prefix)\(suffix))\(key.modifier)"
                }
            }
        }
        if !strict { source += "[\\/]?" }
        source += "$"
        do {
            regex = try NSRegularExpression(pattern: source, options: sensitive ? [] : [.caseInsensitive])
        } catch {
            throw SyntaxError(description: "\(path): not a pattern this reading understands (\(source))")
        }
    }

    /// The params when `pathname` matches (`regexpToFunction`): a repeated param as its parts
    /// (split on its prefix and suffix), others as written; unnamed groups left out
    /// (`removeUnnamedParams`). `nil` when it does not match.
    func match(_ pathname: String) -> RouterQuery? {
        let range = NSRange(pathname.startIndex..., in: pathname)
        guard let result = regex.firstMatch(in: pathname, range: range) else { return nil }
        var params = RouterQuery()
        for (offset, key) in keys.enumerated() {
            let group = result.range(at: offset + 1)
            guard group.location != NSNotFound, let swiftRange = Range(group, in: pathname), case .named(let name) = key.name else { continue }
            let value = String(pathname[swiftRange])
            if key.repeats {
                let separator = key.prefix + key.suffix
                params[name] = .array(separator.isEmpty ? [value] : value.components(separatedBy: separator))
            } else {
                params[name] = .string(value)
            }
        }
        return params
    }

    /// `compile(path, { validate: false })(params)`: the path with each parameter's value put in.
    func compile(_ params: RouterQuery) throws(SyntaxError) -> String {
        var out = ""
        for token in tokens {
            switch token {
            case .text(let text): out += text
            case .key(let key):
                let name: String
                switch key.name {
                case .named(let named): name = named
                case .index(let index): name = String(index)
                }
                switch params[name] {
                case .array(let items)?:
                    guard key.repeats else { throw SyntaxError(description: "Expected \"\(name)\" to not repeat, but got an array") }
                    if items.isEmpty {
                        if key.optional { continue }
                        throw SyntaxError(description: "Expected \"\(name)\" to not be empty")
                    }
                    for item in items { out += key.prefix + item + key.suffix }
                case .string(let value)?: out += key.prefix + value + key.suffix
                case nil:
                    if key.optional { continue }
                    throw SyntaxError(description: "Expected \"\(name)\" to be \(key.repeats ? "an array" : "a string")")
                }
            }
        }
        return out
    }

    // MARK: - path-to-regexp's lexer and parser

    private enum Lexeme {
        case modifier(Character), escaped(Character), open, close, name(String), pattern(String), char(Character), end
    }

    private static func lex(_ path: String) throws(SyntaxError) -> [Lexeme] {
        let chars = Array(path)
        var lexemes: [Lexeme] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*", "+", "?":
                lexemes.append(.modifier(c))
                i += 1
            case "\\":
                guard i + 1 < chars.count else { throw SyntaxError(description: "\(path): a \\ at the end") }
                lexemes.append(.escaped(chars[i + 1]))
                i += 2
            case "{":
                lexemes.append(.open)
                i += 1
            case "}":
                lexemes.append(.close)
                i += 1
            case ":":
                var name = ""
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" {
                    name.append(chars[j])
                    j += 1
                }
                guard !name.isEmpty else { throw SyntaxError(description: "\(path): missing parameter name at \(i)") }
                lexemes.append(.name(name))
                i = j
            case "(":
                var depth = 1, pattern = ""
                var j = i + 1
                guard j >= chars.count || chars[j] != "?" else { throw SyntaxError(description: "\(path): pattern cannot start with \"?\" at \(j)") }
                while j < chars.count {
                    if chars[j] == "\\", j + 1 < chars.count {
                        pattern.append(chars[j])
                        pattern.append(chars[j + 1])
                        j += 2
                        continue
                    }
                    if chars[j] == ")" {
                        depth -= 1
                        if depth == 0 {
                            j += 1
                            break
                        }
                    } else if chars[j] == "(" {
                        depth += 1
                        guard j + 1 < chars.count, chars[j + 1] == "?" else { throw SyntaxError(description: "\(path): capturing groups are not allowed at \(j)") }
                    }
                    pattern.append(chars[j])
                    j += 1
                }
                guard depth == 0 else { throw SyntaxError(description: "\(path): unbalanced pattern at \(i)") }
                guard !pattern.isEmpty else { throw SyntaxError(description: "\(path): missing pattern at \(i)") }
                lexemes.append(.pattern(pattern))
                i = j
            default:
                lexemes.append(.char(c))
                i += 1
            }
        }
        lexemes.append(.end)
        return lexemes
    }

    private static func parse(_ path: String) throws(SyntaxError) -> [Token] {
        let lexemes = try lex(path)
        let defaultPattern = "[^\\/]+?"
        var tokens: [Token] = []
        var position = 0, unnamed = 0
        var text = ""

        func take(_ kind: (Lexeme) -> String?) -> String? {
            guard position < lexemes.count, let value = kind(lexemes[position]) else { return nil }
            position += 1
            return value
        }
        let char = { (l: Lexeme) -> String? in if case .char(let c) = l { String(c) } else { nil } }
        let escaped = { (l: Lexeme) -> String? in if case .escaped(let c) = l { String(c) } else { nil } }
        let name = { (l: Lexeme) -> String? in if case .name(let n) = l { n } else { nil } }
        let pattern = { (l: Lexeme) -> String? in if case .pattern(let p) = l { p } else { nil } }
        let modifier = { (l: Lexeme) -> String? in if case .modifier(let m) = l { String(m) } else { nil } }
        let open = { (l: Lexeme) -> String? in if case .open = l { "{" } else { nil } }
        let close = { (l: Lexeme) -> String? in if case .close = l { "}" } else { nil } }
        let end = { (l: Lexeme) -> String? in if case .end = l { "" } else { nil } }
        func consumeText() -> String {
            var out = ""
            while let piece = take(char) ?? take(escaped) { out += piece }
            return out
        }

        while position < lexemes.count {
            let c = take(char)
            let n = take(name)
            let p = take(pattern)
            if n != nil || p != nil {
                var prefix = c ?? ""
                if !"./".contains(prefix) || prefix.isEmpty {
                    text += prefix
                    prefix = ""
                }
                if !text.isEmpty {
                    tokens.append(.text(text))
                    text = ""
                }
                let keyName: Key.Name
                if let n { keyName = .named(n) } else {
                    keyName = .index(unnamed)
                    unnamed += 1
                }
                tokens.append(.key(Key(name: keyName, prefix: prefix, suffix: "", pattern: p ?? defaultPattern, modifier: take(modifier) ?? "")))
                continue
            }
            if let value = c ?? take(escaped) {
                text += value
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(text))
                text = ""
            }
            if take(open) != nil {
                let prefix = consumeText()
                let n = take(name) ?? ""
                let p = take(pattern) ?? ""
                let suffix = consumeText()
                guard take(close) != nil else { throw SyntaxError(description: "\(path): expected } at \(position)") }
                let keyName: Key.Name
                if !n.isEmpty {
                    keyName = .named(n)
                } else if !p.isEmpty {
                    keyName = .index(unnamed)
                    unnamed += 1
                } else {
                    keyName = .named("")
                }
                tokens.append(.key(Key(name: keyName, prefix: prefix, suffix: suffix, pattern: !n.isEmpty && p.isEmpty ? defaultPattern : p, modifier: take(modifier) ?? "")))
                continue
            }
            guard take(end) != nil else { throw SyntaxError(description: "\(path): unexpected token at \(position)") }
        }
        return tokens
    }

    /// `escapeString`: regular expression characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if ".+*?=^!:${}()[]|/\\".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
