import SSR

/// Reads the JavaScript that Next.js writes for its client manifests as data: literals
/// (objects, arrays, strings, numbers, `true`, `!0`, `void 0`, `NaN` …), in the minified form
/// too, where repeated values are hoisted into the parameters of a function called at once:
///
/// ```js
/// self.__BUILD_MANIFEST=function(e,a){return{__rewrites:{afterFiles:[{has:e,source:a}]}}}(void 0,"/x")
/// ```
///
/// `undefined` reads as `null`. Anything that is not such a literal (a call, an operator) makes
/// the reading fail: the manifests are data, and a guess would be worse than none.
enum JavaScriptLiteral {
    struct Unreadable: Error {}

    /// The value assigned by `self.NAME=` (or `window.NAME=`) in `script`; `nil` when there is no
    /// such assignment or its value is not literal data.
    static func assigned(to name: String, in script: [UInt8]) -> JSONValue? {
        for prefix in ["self.", "window."] {
            guard let found = script.firstRange(of: Array((prefix + name).utf8)) else { continue }
            var reader = Reader(script, at: found.upperBound)
            reader.skipSpace()
            guard reader.take(UInt8(ascii: "=")) else { continue }
            return try? reader.expression()
        }
        return nil
    }

    /// The literal that starts at `offset` in `script` (its first byte), read to its end.
    static func value(in script: [UInt8], at offset: Int) -> JSONValue? {
        var reader = Reader(script, at: offset)
        return try? reader.expression()
    }

    /// A literal written as text.
    static func value(_ text: String) -> JSONValue? { value(in: Array(text.utf8), at: 0) }

    private struct Reader {
        let bytes: [UInt8]
        var index: Int
        /// Parameters of the function around the literal, bound to the arguments it is called with.
        var bindings: [String: JSONValue] = [:]

        init(_ bytes: [UInt8], at index: Int) {
            self.bytes = bytes
            self.index = index
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func expect(_ byte: UInt8) throws(Unreadable) {
            guard take(byte) else { throw Unreadable() }
        }

        mutating func takeWord(_ word: String) -> Bool {
            skipSpace()
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else { return false }
            let after = index + utf8.count
            if after < bytes.count, Reader.isIdentifierByte(bytes[after]) { return false }
            index = after
            return true
        }

        static func isIdentifierByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
        }

        mutating func identifier() -> String? {
            skipSpace()
            let start = index
            while let byte = current, Reader.isIdentifierByte(byte) { index += 1 }
            guard index > start, !(bytes[start] >= UInt8(ascii: "0") && bytes[start] <= UInt8(ascii: "9")) else {
                index = start
                return nil
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func expression() throws(Unreadable) -> JSONValue {
            skipSpace()
            guard let byte = current else { throw Unreadable() }
            switch byte {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""), UInt8(ascii: "'"): return .string(try string())
            case UInt8(ascii: "!"):
                // `!0` is true and `!1` false, as minifiers write them.
                index += 1
                let operand = try expression()
                return .bool(!operand.isTruthy)
            case UInt8(ascii: "("):
                index += 1
                if takeWord("function") { return try calledFunction(parenthesized: true) }
                let inner = try expression()
                try expect(UInt8(ascii: ")"))
                return inner
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: break
            }
            if takeWord("function") { return try calledFunction() }
            if takeWord("void") {
                _ = try expression()
                return .null
            }
            if takeWord("new") {
                // `new Set([…])` (the SSG manifest): its elements.
                guard takeWord("Set"), take(UInt8(ascii: "(")) else { throw Unreadable() }
                let elements = take(UInt8(ascii: ")")) ? JSONValue.array([]) : try expression()
                _ = take(UInt8(ascii: ")"))
                return elements
            }
            guard let name = identifier() else { throw Unreadable() }
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null", "undefined": return .null
            case "NaN", "Infinity": return .number(name == "NaN" ? .nan : .infinity)
            default:
                guard let bound = bindings[name] else { throw Unreadable() }
                return bound
            }
        }

        /// `function(a,b){return LITERAL}(x,y)`: the literal with `a`, `b` bound to `x`, `y`;
        /// `parenthesized`: `(function(a){…})(x)`, read from after its `(`.
        mutating func calledFunction(parenthesized: Bool = false) throws(Unreadable) -> JSONValue {
            _ = identifier()  // a named function expression
            try expect(UInt8(ascii: "("))
            var parameters: [String] = []
            while !take(UInt8(ascii: ")")) {
                guard let name = identifier() else { throw Unreadable() }
                parameters.append(name)
                _ = take(UInt8(ascii: ","))
            }
            try expect(UInt8(ascii: "{"))
            guard takeWord("return") else { throw Unreadable() }
            let bodyStart = index
            // Skip the body to read the arguments first, then read the body with them bound.
            var skipper = Reader(bytes, at: bodyStart)
            skipper.bindings = Dictionary(uniqueKeysWithValues: parameters.map { ($0, JSONValue.null) })
            _ = try skipper.expression()
            index = skipper.index
            _ = take(UInt8(ascii: ";"))
            try expect(UInt8(ascii: "}"))
            if parenthesized { try expect(UInt8(ascii: ")")) }
            try expect(UInt8(ascii: "("))
            var arguments: [JSONValue] = []
            while !take(UInt8(ascii: ")")) {
                arguments.append(try expression())
                _ = take(UInt8(ascii: ","))
            }
            var body = Reader(bytes, at: bodyStart)
            body.bindings = bindings
            for (position, name) in parameters.enumerated() { body.bindings[name] = position < arguments.count ? arguments[position] : .null }
            return try body.expression()
        }

        mutating func object() throws(Unreadable) -> JSONValue {
            try expect(UInt8(ascii: "{"))
            var members: [JSONValue.Member] = []
            while !take(UInt8(ascii: "}")) {
                skipSpace()
                let key: String
                if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                    key = try string()
                } else if let byte = current, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    key = JSONValue.number(try number()).jsonText
                } else if let name = identifier() {
                    key = name
                } else {
                    throw Unreadable()
                }
                try expect(UInt8(ascii: ":"))
                members.append(JSONValue.Member(key, try expression()))
                if !take(UInt8(ascii: ",")) {
                    try expect(UInt8(ascii: "}"))
                    break
                }
            }
            return .object(members)
        }

        mutating func array() throws(Unreadable) -> JSONValue {
            try expect(UInt8(ascii: "["))
            var items: [JSONValue] = []
            while !take(UInt8(ascii: "]")) {
                items.append(try expression())
                if !take(UInt8(ascii: ",")) {
                    try expect(UInt8(ascii: "]"))
                    break
                }
            }
            return .array(items)
        }

        mutating func number() throws(Unreadable) -> Double {
            skipSpace()
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            while let byte = current,
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                    || byte == UInt8(ascii: "E") || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && index > start
                        && (bytes[index - 1] == UInt8(ascii: "e") || bytes[index - 1] == UInt8(ascii: "E")))
            {
                index += 1
            }
            guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw Unreadable() }
            return value
        }

        /// A string in double or single quotes, with JavaScript's escapes (`\u002F`, `\x2F`, `\n` …).
        mutating func string() throws(Unreadable) -> String {
            skipSpace()
            guard let quote = current else { throw Unreadable() }
            index += 1
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            var run: [UInt8] = []
            func flushRun() {
                if !run.isEmpty {
                    scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                    run.removeAll()
                }
            }
            while let byte = current {
                index += 1
                if byte == quote {
                    flushRun()
                    return String(scalars)
                }
                guard byte == UInt8(ascii: "\\") else {
                    run.append(byte)
                    continue
                }
                flushRun()
                guard let escaped = current else { throw Unreadable() }
                index += 1
                var code: UInt32?
                switch escaped {
                case UInt8(ascii: "n"): code = 0x0A
                case UInt8(ascii: "t"): code = 0x09
                case UInt8(ascii: "r"): code = 0x0D
                case UInt8(ascii: "b"): code = 0x08
                case UInt8(ascii: "f"): code = 0x0C
                case UInt8(ascii: "v"): code = 0x0B
                case UInt8(ascii: "0"): code = 0
                case UInt8(ascii: "x"): code = try hex(2)
                case UInt8(ascii: "u"):
                    if take(UInt8(ascii: "{")) {
                        let start = index
                        while let digit = current, digit != UInt8(ascii: "}") { index += 1 }
                        code = UInt32(String(decoding: bytes[start..<index], as: UTF8.self), radix: 16)
                        index += 1
                    } else {
                        code = try hex(4)
                    }
                case 0x0A: continue  // a line continuation
                default: run.append(escaped)
                }
                guard var value = code else {
                    if code == nil, escaped == UInt8(ascii: "u") || escaped == UInt8(ascii: "x") { throw Unreadable() }
                    continue
                }
                // UTF-16 surrogate pairs written as two `\u` escapes.
                if (0xD800...0xDBFF).contains(value) {
                    pendingHigh = value
                    continue
                }
                if (0xDC00...0xDFFF).contains(value), let high = pendingHigh {
                    value = 0x10000 + ((high - 0xD800) << 10) + (value - 0xDC00)
                }
                pendingHigh = nil
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            throw Unreadable()
        }

        mutating func hex(_ count: Int) throws(Unreadable) -> UInt32 {
            guard index + count <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + count)], as: UTF8.self), radix: 16)
            else { throw Unreadable() }
            index += count
            return value
        }
    }
}
