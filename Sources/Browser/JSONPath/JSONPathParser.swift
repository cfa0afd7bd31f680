import SSR

/// RFC 9535's grammar, read by recursive descent over the query's Unicode scalars; function
/// calls are checked for well-typedness as they are read (RFC 9535 §2.4.3), so an ill-typed
/// query is a syntax error, as the standard has it.
struct JSONPathParser {
    private let scalars: [Unicode.Scalar]
    private var at = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The largest and smallest integers an index, slice or number may be (I-JSON's).
    static let largest = 9_007_199_254_740_991

    enum ValueKind { case value, logical, nodes }

    static let functions: [String: (parameters: [ValueKind], result: ValueKind)] = [
        "length": ([.value], .value), "count": ([.nodes], .value), "match": ([.value, .value], .logical),
        "search": ([.value, .value], .logical), "value": ([.nodes], .value),
    ]

    mutating func query() throws(JSONPath.SyntaxError) -> [Segment] {
        guard peek == "$" else { throw fail(peek == nil ? "an empty query: it starts with $" : "a query starts with $") }
        at += 1
        let segments = try self.segments()
        if at < scalars.count { throw fail("unexpected \(describe(scalars[at]))") }
        return segments
    }

    // MARK: Segments and selectors

    private mutating func segments() throws(JSONPath.SyntaxError) -> [Segment] {
        var segments: [Segment] = []
        while true {
            let before = at
            skipBlank()
            guard let next = peek, next == "[" || next == "." else {
                at = before
                return segments
            }
            segments.append(try segment())
        }
    }

    private mutating func segment() throws(JSONPath.SyntaxError) -> Segment {
        if peek == "[" { return .child(try bracketed()) }
        at += 1  // "."
        if peek == "." {
            at += 1
            switch peek {
            case "[": return .descendant(try bracketed())
            case "*":
                at += 1
                return .descendant([.wildcard])
            case let scalar? where JSONPathName.isFirst(scalar): return .descendant([.name(memberName())])
            default: throw fail("after .. comes a name, * or [")
            }
        }
        switch peek {
        case "*":
            at += 1
            return .child([.wildcard])
        case let scalar? where JSONPathName.isFirst(scalar): return .child([.name(memberName())])
        default: throw fail("after . comes a name or * (a name in quotes goes in brackets: ['a b'])")
        }
    }

    private mutating func memberName() -> String {
        var name = String.UnicodeScalarView()
        while let scalar = peek, JSONPathName.isLater(scalar) {
            name.append(scalar)
            at += 1
        }
        return String(name)
    }

    private mutating func bracketed() throws(JSONPath.SyntaxError) -> [Selector] {
        at += 1  // "["
        var selectors: [Selector] = []
        while true {
            skipBlank()
            selectors.append(try selector())
            skipBlank()
            switch peek {
            case ",": at += 1
            case "]":
                at += 1
                return selectors
            default: throw fail(peek == nil ? "a [ without its ]" : "expected , or ] in brackets, not \(describe(peek!))")
            }
        }
    }

    private mutating func selector() throws(JSONPath.SyntaxError) -> Selector {
        switch peek {
        case "'", "\"": return .name(try stringLiteral())
        case "*":
            at += 1
            return .wildcard
        case "?":
            at += 1
            skipBlank()
            return .filter(try logicalOr())
        case let scalar? where scalar == "-" || scalar == ":" || ("0"..."9").contains(scalar):
            let start = scalar == ":" ? nil : try integer()
            skipBlank()
            guard peek == ":" else {
                guard let start else { throw fail("an index or a slice") }
                return .index(start)
            }
            at += 1
            skipBlank()
            let end = peekIsIntegerStart ? try integer() : nil
            skipBlank()
            var step: Int?
            if peek == ":" {
                at += 1
                skipBlank()
                step = peekIsIntegerStart ? try integer() : nil
            }
            return .slice(start: start, end: end, step: step)
        case nil: throw fail("a selector is missing before the end")
        default: throw fail("\(describe(peek!)) does not start a selector (a name in quotes, *, an index, a slice or ?filter)")
        }
    }

    private var peekIsIntegerStart: Bool {
        guard let scalar = peek else { return false }
        return scalar == "-" || ("0"..."9").contains(scalar)
    }

    /// `0`, or digits without a leading zero, with an optional `-` (not `-0`), within ±(2^53−1).
    private mutating func integer() throws(JSONPath.SyntaxError) -> Int {
        let start = at
        if peek == "-" { at += 1 }
        guard let first = peek, ("0"..."9").contains(first) else { throw fail("a digit") }
        if first == "0" {
            at += 1
            if at - start > 1 { throw fail("-0 is not an index", at: start) }
            if let next = peek, ("0"..."9").contains(next) { throw fail("an integer with a leading zero", at: start) }
            return 0
        }
        while let digit = peek, ("0"..."9").contains(digit) { at += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<at]))
        guard let value = Int(text), abs(value) <= JSONPathParser.largest else { throw fail("\(text) is beyond ±(2^53 − 1)", at: start) }
        return value
    }

    // MARK: Filters

    private mutating func logicalOr() throws(JSONPath.SyntaxError) -> LogicalExpression {
        var terms = [try logicalAnd()]
        while true {
            let before = at
            skipBlank()
            guard take("||") else {
                at = before
                break
            }
            skipBlank()
            terms.append(try logicalAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func logicalAnd() throws(JSONPath.SyntaxError) -> LogicalExpression {
        var terms = [try basic()]
        while true {
            let before = at
            skipBlank()
            guard take("&&") else {
                at = before
                break
            }
            skipBlank()
            terms.append(try basic())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func basic() throws(JSONPath.SyntaxError) -> LogicalExpression {
        if peek == "!" {
            at += 1
            skipBlank()
            if peek == "(" { return .not(try parenthesized()) }
            return .not(try test(allowComparison: false))
        }
        if peek == "(" { return try parenthesized() }
        return try test(allowComparison: true)
    }

    private mutating func parenthesized() throws(JSONPath.SyntaxError) -> LogicalExpression {
        at += 1  // "("
        skipBlank()
        let inside = try logicalOr()
        skipBlank()
        guard take(")") else { throw fail("a ( without its )") }
        return inside
    }

    /// A test (a query's existence, a logical function) or, when an operator follows, a comparison.
    private mutating func test(allowComparison: Bool) throws(JSONPath.SyntaxError) -> LogicalExpression {
        let start = at
        let left = try comparable()
        let before = at
        skipBlank()
        if let op = comparisonOperator() {
            guard allowComparison else { throw fail("! applies to a test or to parentheses, not to a comparison", at: start) }
            skipBlank()
            let rightStart = at
            let right = try comparable()
            return .comparison(try comparableOperand(left, at: start), op, try comparableOperand(right, at: rightStart))
        }
        at = before
        switch left {
        case .literal: throw fail("a literal alone is not a test: compare it (== != < <= > >=)", at: start)
        case .query(let query): return .exists(query)
        case .function(let call):
            guard JSONPathParser.functions[call.name]!.result != .value else {
                throw fail("\(call.name)() gives a value: compare it (\(call.name)(…) == …)", at: start)
            }
            return .function(call)
        }
    }

    /// A comparison's side: a literal, a singular query, a function giving a value.
    private func comparableOperand(_ comparable: Comparable, at start: Int) throws(JSONPath.SyntaxError) -> Comparable {
        switch comparable {
        case .literal: return comparable
        case .query(let query):
            guard query.isSingular else { throw fail("only a singular query (names and indexes) can be compared", at: start) }
            return comparable
        case .function(let call):
            guard JSONPathParser.functions[call.name]!.result == .value else {
                throw fail("\(call.name)() gives a logical result, which cannot be compared", at: start)
            }
            return comparable
        }
    }

    private mutating func comparisonOperator() -> ComparisonOperator? {
        for op in [ComparisonOperator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] where take(op.rawValue) { return op }
        return nil
    }

    private mutating func comparable() throws(JSONPath.SyntaxError) -> Comparable {
        switch peek {
        case "@", "$": return .query(try filterQuery())
        case let scalar? where ("a"..."z").contains(scalar):
            if let literal = keyword() { return .literal(literal) }
            return .function(try functionCall())
        case nil: throw fail("an expression is missing before the end")
        default:
            if let literal = try literal() { return .literal(literal) }
            throw fail("\(describe(peek!)) does not start an expression")
        }
    }

    private mutating func filterQuery() throws(JSONPath.SyntaxError) -> FilterQuery {
        let relative = peek == "@"
        at += 1
        return FilterQuery(relative: relative, segments: try segments())
    }

    /// `true`, `false`, `null`, when not the start of a longer name.
    private mutating func keyword() -> JSONValue? {
        for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] {
            let end = at + word.unicodeScalars.count
            guard end <= scalars.count, String(String.UnicodeScalarView(scalars[at..<end])) == word else { continue }
            if end < scalars.count, JSONPathParser.isFunctionNameChar(scalars[end]) { continue }
            at = end
            return value
        }
        return nil
    }

    private mutating func literal() throws(JSONPath.SyntaxError) -> JSONValue? {
        switch peek {
        case "'", "\"": return .string(try stringLiteral())
        case let scalar? where scalar == "-" || ("0"..."9").contains(scalar): return try number()
        default: return nil
        }
    }

    /// RFC 9535's number: an integer (or `-0`), an optional fraction, an optional exponent.
    private mutating func number() throws(JSONPath.SyntaxError) -> JSONValue {
        let start = at
        if peek == "-" { at += 1 }
        guard let first = peek, ("0"..."9").contains(first) else { throw fail("a digit after -", at: start) }
        at += 1
        if first == "0", let next = peek, ("0"..."9").contains(next) { throw fail("a number with a leading zero", at: start) }
        while let digit = peek, ("0"..."9").contains(digit) { at += 1 }
        if peek == "." {
            at += 1
            guard let digit = peek, ("0"..."9").contains(digit) else { throw fail("digits after the decimal point") }
            while let digit = peek, ("0"..."9").contains(digit) { at += 1 }
        }
        if peek == "e" || peek == "E" {
            at += 1
            if peek == "+" || peek == "-" { at += 1 }
            guard let digit = peek, ("0"..."9").contains(digit) else { throw fail("digits in the exponent") }
            while let digit = peek, ("0"..."9").contains(digit) { at += 1 }
        }
        guard let value = Double(String(String.UnicodeScalarView(scalars[start..<at]))) else { throw fail("not a number", at: start) }
        return .number(value)
    }

    private mutating func functionCall() throws(JSONPath.SyntaxError) -> FunctionCall {
        let start = at
        var name = String.UnicodeScalarView()
        while let scalar = peek, JSONPathParser.isFunctionNameChar(scalar) {
            name.append(scalar)
            at += 1
        }
        let text = String(name)
        guard peek == "(" else { throw fail("\(text) is not a literal (true, false, null) nor a function call", at: start) }
        guard let signature = JSONPathParser.functions[text] else {
            throw fail("unknown function \(text)() (length, count, match, search, value)", at: start)
        }
        at += 1
        var arguments: [FunctionArgument] = []
        skipBlank()
        if peek != ")" {
            while true {
                skipBlank()
                let argumentStart = at
                let kind = signature.parameters[safe: arguments.count] ?? .value
                arguments.append(try argument(for: kind, of: text, at: argumentStart))
                skipBlank()
                if take(",") { continue }
                break
            }
        }
        guard take(")") else { throw fail("expected , or ) in \(text)()") }
        guard arguments.count == signature.parameters.count else {
            throw fail("\(text)() takes \(signature.parameters.count) argument\(signature.parameters.count == 1 ? "" : "s"), not \(arguments.count)", at: start)
        }
        return FunctionCall(name: text, arguments: arguments)
    }

    /// An argument, checked against its parameter's type: a value takes a literal, a singular
    /// query or a function giving a value; nodes take a query. A logical expression (a
    /// comparison, !, &&, ||, parentheses) is none of the built-ins' parameter types.
    private mutating func argument(for kind: ValueKind, of function: String, at start: Int) throws(JSONPath.SyntaxError) -> FunctionArgument {
        let argument: FunctionArgument
        switch peek {
        case "@", "$": argument = .query(try filterQuery())
        case let scalar? where ("a"..."z").contains(scalar):
            if let literal = keyword() { argument = .literal(literal) } else { argument = .function(try functionCall()) }
        default:
            guard let literal = try literal() else { throw fail("\(function)() takes \(kind == .nodes ? "a query" : "a value") here", at: start) }
            argument = .literal(literal)
        }
        let before = at
        skipBlank()
        guard peek == "," || peek == ")" else { throw fail("\(function)() takes \(kind == .nodes ? "a query" : "a value") here, not an expression", at: start) }
        at = before
        switch (argument, kind) {
        case (.literal, .value): return argument
        case (.query(let query), .value) where query.isSingular: return argument
        case (.query, .nodes): return argument
        case (.function(let call), _) where JSONPathParser.functions[call.name]!.result == kind: return argument
        default: throw fail("\(function)() takes \(kind == .nodes ? "a query" : "a value (a literal, a singular query, a function giving a value)") here", at: start)
        }
    }

    // MARK: Strings

    private mutating func stringLiteral() throws(JSONPath.SyntaxError) -> String {
        let quote = scalars[at]
        at += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek else { throw fail("a string without its closing \(quote)") }
            at += 1
            if scalar == quote { return String(text) }
            if scalar.value < 0x20 { throw fail("a control character in a string: write it escaped", at: at - 1) }
            guard scalar == "\\" else {
                text.append(scalar)
                continue
            }
            guard let escape = peek else { throw fail("a string ends in \\") }
            at += 1
            switch escape {
            case "b": text.append("\u{8}")
            case "f": text.append("\u{C}")
            case "n": text.append("\n")
            case "r": text.append("\r")
            case "t": text.append("\t")
            case "/": text.append("/")
            case "\\": text.append("\\")
            case _ where escape == quote: text.append(quote)
            case "u": text.append(try unicodeEscape())
            default: throw fail("\\\(escape) is not an escape in a \(quote == "'" ? "single" : "double")-quoted string", at: at - 2)
            }
        }
    }

    /// `\uXXXX`, a surrogate pair as two escapes.
    private mutating func unicodeEscape() throws(JSONPath.SyntaxError) -> Unicode.Scalar {
        let start = at - 2
        let high = try hex4()
        if (0xDC00...0xDFFF).contains(high) { throw fail("a low surrogate without its high one", at: start) }
        if (0xD800...0xDBFF).contains(high) {
            guard take("\\u") else { throw fail("a high surrogate without its low one", at: start) }
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a high surrogate without its low one", at: start) }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        }
        return Unicode.Scalar(high)!
    }

    private mutating func hex4() throws(JSONPath.SyntaxError) -> UInt32 {
        guard at + 4 <= scalars.count else { throw fail("\\u takes four hex digits") }
        var value: UInt32 = 0
        for scalar in scalars[at..<(at + 4)] {
            guard scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else { throw fail("\\u takes four hex digits") }
            value = value * 16 + digit
        }
        at += 4
        return value
    }

    // MARK: Characters

    private var peek: Unicode.Scalar? { at < scalars.count ? scalars[at] : nil }

    private mutating func take(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard at + wanted.count <= scalars.count, Array(scalars[at..<(at + wanted.count)]) == wanted else { return false }
        at += wanted.count
        return true
    }

    private mutating func skipBlank() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { at += 1 }
    }

    static func isFunctionNameChar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }

    private func describe(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 || scalar == " " ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : "“\(scalar)”"
    }

    private func fail(_ message: String, at offset: Int? = nil) -> JSONPath.SyntaxError {
        JSONPath.SyntaxError(message: message, offset: offset ?? at)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
