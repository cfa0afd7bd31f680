import Foundation
import SSR

/// RFC 9535's semantics: segments applied to a node list in order, filters to each child of a
/// node, comparisons of values (`Nothing` for an empty singular query), the five functions.
struct JSONPathEvaluator {
    typealias Node = JSONPath.Node
    let root: JSONValue

    func select(_ segments: [Segment], from nodes: [Node]) -> [Node] {
        segments.reduce(nodes) { nodes, segment in
            switch segment {
            case .child(let selectors):
                return nodes.flatMap { node in selectors.flatMap { apply($0, to: node) } }
            case .descendant(let selectors):
                return nodes.flatMap { node in descendants(of: node).flatMap { d in selectors.flatMap { apply($0, to: d) } } }
            }
        }
    }

    /// A node and everything below it, in document order.
    private func descendants(of node: Node) -> [Node] {
        var all: [Node] = []
        func walk(_ node: Node) {
            all.append(node)
            for child in children(of: node) { walk(child) }
        }
        walk(node)
        return all
    }

    private func children(of node: Node) -> [Node] {
        switch node.value {
        case .array(let elements): elements.enumerated().map { Node(path: node.path.appending(.index($0.offset)), value: $0.element) }
        case .object(let members): members.map { Node(path: node.path.appending(.name($0.key)), value: $0.value) }
        default: []
        }
    }

    private func apply(_ selector: Selector, to node: Node) -> [Node] {
        switch selector {
        case .name(let name):
            guard case .object(let members) = node.value, let member = members.last(where: { $0.key == name }) else { return [] }
            return [Node(path: node.path.appending(.name(name)), value: member.value)]
        case .wildcard:
            return children(of: node)
        case .index(let index):
            guard case .array(let elements) = node.value else { return [] }
            let at = index < 0 ? elements.count + index : index
            guard elements.indices.contains(at) else { return [] }
            return [Node(path: node.path.appending(.index(at)), value: elements[at])]
        case .slice(let start, let end, let step):
            guard case .array(let elements) = node.value else { return [] }
            return JSONPathEvaluator.sliceIndices(count: elements.count, start: start, end: end, step: step ?? 1).map {
                Node(path: node.path.appending(.index($0)), value: elements[$0])
            }
        case .filter(let expression):
            return children(of: node).filter { holds(expression, current: $0.value) }
        }
    }

    /// RFC 9535 §2.3.4.2.2.
    static func sliceIndices(count: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        guard step != 0, count > 0 else { return [] }
        func normalized(_ index: Int) -> Int { index >= 0 ? index : count + index }
        var indices: [Int] = []
        if step > 0 {
            let lower = min(max(normalized(start ?? 0), 0), count)
            let upper = min(max(normalized(end ?? count), 0), count)
            var i = lower
            while i < upper {
                indices.append(i)
                i += step
            }
        } else {
            let upper = min(max(normalized(start ?? count - 1), -1), count - 1)
            let lower = min(max(end.map(normalized) ?? -1, -1), count - 1)
            var i = upper
            while lower < i {
                indices.append(i)
                i += step
            }
        }
        return indices
    }

    // MARK: Filters

    private func holds(_ expression: LogicalExpression, current: JSONValue) -> Bool {
        switch expression {
        case .or(let terms): return terms.contains { holds($0, current: current) }
        case .and(let terms): return terms.allSatisfy { holds($0, current: current) }
        case .not(let inner): return !holds(inner, current: current)
        case .exists(let query): return !nodes(query, current: current).isEmpty
        case .function(let call): return logical(call, current: current)
        case .comparison(let left, let op, let right):
            return JSONPathEvaluator.compare(value(left, current: current), op, value(right, current: current))
        }
    }

    private func nodes(_ query: FilterQuery, current: JSONValue) -> [Node] {
        select(query.segments, from: [Node(path: NormalizedPath(), value: query.relative ? current : root)])
    }

    /// A comparable's value; `nil` is `Nothing`.
    private func value(_ comparable: Comparable, current: JSONValue) -> JSONValue? {
        switch comparable {
        case .literal(let literal): literal
        case .query(let query): nodes(query, current: current).first?.value
        case .function(let call): value(call, current: current)
        }
    }

    private func argumentValue(_ argument: FunctionArgument, current: JSONValue) -> JSONValue? {
        switch argument {
        case .literal(let literal): literal
        case .query(let query): nodes(query, current: current).first?.value
        case .function(let call): value(call, current: current)
        case .logical: nil
        }
    }

    private func argumentNodes(_ argument: FunctionArgument, current: JSONValue) -> [Node] {
        if case .query(let query) = argument { return nodes(query, current: current) }
        return []
    }

    /// length(), count(), value().
    private func value(_ call: FunctionCall, current: JSONValue) -> JSONValue? {
        switch call.name {
        case "length":
            switch argumentValue(call.arguments[0], current: current) {
            case .string(let text)?: return .number(Double(text.unicodeScalars.count))
            case .array(let elements)?: return .number(Double(elements.count))
            case .object(let members)?: return .number(Double(members.count))
            default: return nil
            }
        case "count": return .number(Double(argumentNodes(call.arguments[0], current: current).count))
        case "value":
            let found = argumentNodes(call.arguments[0], current: current)
            // Not a ternary: JSONValue takes `nil` as `null`, which is not Nothing.
            guard found.count == 1 else { return nil }
            return found[0].value
        default: return nil
        }
    }

    /// match(), search().
    private func logical(_ call: FunctionCall, current: JSONValue) -> Bool {
        guard case .string(let text)? = argumentValue(call.arguments[0], current: current),
            case .string(let pattern)? = argumentValue(call.arguments[1], current: current),
            let regex = IRegexp.compile(pattern, whole: call.name == "match")
        else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, range: range) != nil
    }

    // MARK: Comparisons

    static func compare(_ a: JSONValue?, _ op: ComparisonOperator, _ b: JSONValue?) -> Bool {
        switch op {
        case .equal: return equal(a, b)
        case .notEqual: return !equal(a, b)
        case .less: return less(a, b)
        case .lessOrEqual: return less(a, b) || equal(a, b)
        case .greater: return less(b, a)
        case .greaterOrEqual: return less(b, a) || equal(a, b)
        }
    }

    private static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return deepEqual(x, y)
        default: return false
        }
    }

    private static func deepEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { deepEqual($0, $1) }
        case (.object(let x), .object(let y)):
            let keys = Set(x.map(\.key))
            guard keys == Set(y.map(\.key)) else { return false }
            return keys.allSatisfy { key in deepEqual(x.last { $0.key == key }!.value, y.last { $0.key == key }!.value) }
        default: return false
        }
    }

    private static func less(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (.number(let x)?, .number(let y)?): return x < y
        case (.string(let x)?, .string(let y)?): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        default: return false
        }
    }
}
