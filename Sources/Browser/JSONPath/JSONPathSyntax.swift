import SSR

/// A query as parsed: segments of selectors, filters of logical expressions (RFC 9535 §2).
enum Segment: Sendable {
    case child([Selector])
    case descendant([Selector])
}

indirect enum Selector: Sendable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(LogicalExpression)
}

indirect enum LogicalExpression: Sendable {
    case or([LogicalExpression])
    case and([LogicalExpression])
    case not(LogicalExpression)
    case comparison(Comparable, ComparisonOperator, Comparable)
    /// A query's nodes exist.
    case exists(FilterQuery)
    /// A function returning LogicalType (or NodesType, true when not empty).
    case function(FunctionCall)
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

indirect enum Comparable: Sendable {
    case literal(JSONValue)
    case query(FilterQuery)  // singular
    case function(FunctionCall)
}

struct FilterQuery: Sendable {
    /// `@` (the current node) or `$` (the root).
    let relative: Bool
    let segments: [Segment]

    /// Only names and indexes, one each: at most one node.
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard case .child(let selectors) = segment, selectors.count == 1 else { return false }
            switch selectors[0] {
            case .name, .index: return true
            default: return false
            }
        }
    }
}

enum FunctionArgument: Sendable {
    case literal(JSONValue)
    case query(FilterQuery)
    case logical(LogicalExpression)
    case function(FunctionCall)
}

struct FunctionCall: Sendable {
    let name: String
    let arguments: [FunctionArgument]
}
