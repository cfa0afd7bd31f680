/// Something that writes HTML. Text is escaped by default; only ``UnsafeRawHTML`` writes bytes
/// as they are. Pages build markup with ``MarkupBuilder`` and the element functions (`div`, `a`,
/// `ul`, …); rendering writes straight into one byte buffer, with no tree of nodes in between.
///
/// ```swift
/// ul(.class("posts")) {
///     ForEach(posts) { post in li { a(.href("/posts/\(post.id)")) { post.title } } }
/// }
/// ```
public protocol Markup {
    func render(into output: inout HTMLOutput)
}

/// The byte buffer markup renders into, with HTML escaping for text and attribute values.
public struct HTMLOutput: Sendable {
    public internal(set) var bytes: [UInt8]
    /// Set while a page's head is written: each of its top-level elements gets
    /// `data-next-head=""`, as `next/head` marks the elements it manages.
    @usableFromInline var marksHeadElements = false

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Writes trusted bytes as they are (tags, already-escaped fragments).
    public mutating func raw(_ s: StaticString) {
        // Tags write many one-byte pieces (`<`, `>`): a plain append is cheaper for those.
        s.withUTF8Buffer { $0.count == 1 ? bytes.append($0[0]) : bytes.append(contentsOf: $0) }
    }

    mutating func rawString(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Called by an element after its attributes: marks it when it is a top-level element of
    /// a page's head, and returns whether it did (its content is then not marked).
    @inlinable public mutating func markHeadElement() -> Bool {
        guard marksHeadElements else { return false }
        raw(" data-next-head=\"\"")
        marksHeadElements = false
        return true
    }

    /// Called by an element after its content, with what ``markHeadElement()`` returned.
    @inlinable public mutating func endHeadElement(_ marked: Bool) {
        if marked { marksHeadElements = true }
    }

    /// Writes text, escaping `&`, `<`, `>`, `"` and `'` so that it is safe in element content
    /// and in quoted attribute values alike.
    public mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            HTMLOutput.needsEscape.withUnsafeBufferPointer { needsEscape in
                var start = 0
                for i in 0..<buf.count where needsEscape[Int(buf[i])] {
                    let entity: StaticString
                    switch buf[i] {
                    case UInt8(ascii: "&"): entity = "&amp;"
                    case UInt8(ascii: "<"): entity = "&lt;"
                    case UInt8(ascii: ">"): entity = "&gt;"
                    case UInt8(ascii: "\""): entity = "&quot;"
                    default: entity = "&#39;"
                    }
                    if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                    entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
                    start = i + 1
                }
                if start < buf.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<buf.count])) }
            }
        }
    }

    private static let needsEscape: [Bool] = (0..<256).map { b in
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
    }
}

extension String: Markup {
    public func render(into output: inout HTMLOutput) { output.text(self) }
}

extension Substring: Markup {
    public func render(into output: inout HTMLOutput) { output.text(String(self)) }
}

extension Int: Markup {
    public func render(into output: inout HTMLOutput) { output.rawString(String(self)) }
}

extension Optional: Markup where Wrapped: Markup {
    @inlinable public func render(into output: inout HTMLOutput) { self?.render(into: &output) }
}

extension Array: Markup where Element: Markup {
    @inlinable public func render(into output: inout HTMLOutput) {
        for item in self { item.render(into: &output) }
    }
}

/// Nothing: the markup of an empty builder block.
public struct EmptyMarkup: Markup, Sendable {
    @inlinable public init() {}
    @inlinable public func render(into output: inout HTMLOutput) {}
}

/// HTML written exactly as given, unescaped. The one way around escaping: use it only for
/// markup you produced yourself, never for data from a request or a database.
public struct UnsafeRawHTML: Markup, Sendable {
    public let html: String
    public init(_ html: String) { self.html = html }
    public func render(into output: inout HTMLOutput) { output.rawString(html) }
}

/// Markup already rendered to bytes, e.g. a page's body handed to the document shell.
public struct HTML: Markup, Sendable {
    public let bytes: [UInt8]

    public init(@MarkupBuilder _ content: () -> some Markup) {
        var output = HTMLOutput()
        content().render(into: &output)
        bytes = output.bytes
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func render(into output: inout HTMLOutput) { output.bytes.append(contentsOf: bytes) }
}

/// Markup for each element of a sequence, rendered lazily (no array of nodes is built).
public struct ForEach<Data: Sequence, Content: Markup>: Markup {
    @usableFromInline let data: Data
    @usableFromInline let content: (Data.Element) -> Content

    @inlinable public init(_ data: Data, @MarkupBuilder content: @escaping (Data.Element) -> Content) {
        self.data = data
        self.content = content
    }

    @inlinable public func render(into output: inout HTMLOutput) {
        for element in data { content(element).render(into: &output) }
    }
}
