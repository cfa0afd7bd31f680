import SSR

/// The same value at more than one place in the props (an object, an array or a long string):
/// the commonest cause of bloated page data, such as one author embedded in each of 500 posts.
/// A value is named where it is outermost: copies inside a repeated value are its own repeats.
///
/// ```swift
/// RepeatedValues(props).repeats.first   // .pageProps.posts[0].author, 500 times, 49 kB wasted
/// ```
public struct RepeatedValues: Sendable {
    public struct Repeat: Sendable, Equatable {
        /// The first few places it is at, in document order.
        public let paths: [String]
        /// How many times it appears (outermost copies).
        public let count: Int
        /// Bytes of JSON of one copy.
        public let bytes: Int
        /// What the copies after the first cost.
        public var wasted: Int { (count - 1) * bytes }
    }

    /// Most wasteful first.
    public let repeats: [Repeat]
    public var wastedBytes: Int { repeats.reduce(0) { $0 + $1.wasted } }

    /// Values smaller than this many bytes of JSON are not worth naming (`true`, `"en"`, an id).
    public static let smallest = 64
    /// Paths kept per repeated value.
    static let pathsKept = 3

    public init(_ props: JSONValue, root: String = "", smallest: Int = RepeatedValues.smallest) {
        // First every value large enough is counted, wherever it is.
        var counts: [JSONValue: Int] = [:]
        RepeatedValues.count(props, smallest: smallest, into: &counts)
        // Then the document is walked from the top, stopping at a repeated value: its inner
        // values are repeated because it is, and are not named again.
        var found: [JSONValue: (paths: [String], count: Int, bytes: Int, order: Int)] = [:]
        RepeatedValues.collect(props, path: root, counts: counts, into: &found)
        repeats = found.values.filter { $0.count > 1 }
            .sorted { ($0.count - 1) * $0.bytes != ($1.count - 1) * $1.bytes ? ($0.count - 1) * $0.bytes > ($1.count - 1) * $1.bytes : $0.order < $1.order }
            .map { Repeat(paths: $0.paths, count: $0.count, bytes: $0.bytes) }
    }

    /// Counts the values of `value` that may be named; returns `value`'s bytes of JSON.
    @discardableResult
    private static func count(_ value: JSONValue, smallest: Int, into counts: inout [JSONValue: Int]) -> Int {
        let bytes: Int
        switch value {
        case .object(let members):
            bytes = 2 + max(0, members.count - 1)
                + members.reduce(0) { $0 + PropsSize.stringSize($1.key) + 1 + count($1.value, smallest: smallest, into: &counts) }
        case .array(let elements):
            bytes = 2 + max(0, elements.count - 1) + elements.reduce(0) { $0 + count($1, smallest: smallest, into: &counts) }
        case .string(let text):
            bytes = PropsSize.stringSize(text)
        default:
            return PropsSize.size(value)
        }
        if bytes >= smallest { counts[value, default: 0] += 1 }
        return bytes
    }

    private static func collect(
        _ value: JSONValue, path: String, counts: [JSONValue: Int],
        into found: inout [JSONValue: (paths: [String], count: Int, bytes: Int, order: Int)]
    ) {
        if let total = counts[value], total > 1 {
            if var entry = found[value] {
                entry.count += 1
                if entry.paths.count < pathsKept { entry.paths.append(path) }
                found[value] = entry
            } else {
                found[value] = ([path], 1, PropsSize.size(value), found.count)
            }
            return
        }
        switch value {
        case .object(let members):
            for member in members {
                collect(member.value, path: path + SerializationError.PathComponent.key(member.key).text, counts: counts, into: &found)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, path: path + "[\(index)]", counts: counts, into: &found)
            }
        default: break
        }
    }
}
