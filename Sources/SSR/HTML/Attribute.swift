/// An HTML attribute. Its value is escaped when written. Names are fixed by the helpers or by
/// the caller; values may come from anywhere.
public struct Attribute: Sendable {
    let name: String
    let value: String?

    /// Any attribute; a `nil` value writes a boolean attribute (`hidden`).
    public static func attr(_ name: String, _ value: String? = nil) -> Attribute { Attribute(name: name, value: value) }
    public static func `class`(_ value: String) -> Attribute { attr("class", value) }
    public static func id(_ value: String) -> Attribute { attr("id", value) }
    public static func href(_ value: String) -> Attribute { attr("href", value) }
    public static func src(_ value: String) -> Attribute { attr("src", value) }
    public static func alt(_ value: String) -> Attribute { attr("alt", value) }
    public static func title(_ value: String) -> Attribute { attr("title", value) }
    public static func name(_ value: String) -> Attribute { attr("name", value) }
    public static func content(_ value: String) -> Attribute { attr("content", value) }
    public static func rel(_ value: String) -> Attribute { attr("rel", value) }
    public static func type(_ value: String) -> Attribute { attr("type", value) }
    public static func lang(_ value: String) -> Attribute { attr("lang", value) }
    public static func style(_ value: String) -> Attribute { attr("style", value) }
    public static func datetime(_ value: String) -> Attribute { attr("datetime", value) }
    public static func value(_ value: String) -> Attribute { attr("value", value) }
    public static func data(_ name: String, _ value: String) -> Attribute { attr("data-" + name, value) }

    @usableFromInline func render(into output: inout HTMLOutput) {
        output.raw(" ")
        output.text(name)
        if let value {
            output.raw("=\"")
            output.text(value)
            output.raw("\"")
        }
    }
}
