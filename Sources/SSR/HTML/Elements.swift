/// Element functions for ``MarkupBuilder``: `div(.class("x")) { "text" }`. Content is escaped;
/// attributes are escaped. Void elements (`meta`, `link`, `img`, `br`, `hr`, `input`) take no content.
public struct Element<Content: Markup>: Markup {
    @usableFromInline let name: StaticString
    @usableFromInline let attributes: [Attribute]
    @usableFromInline let content: Content

    @inlinable public init(_ name: StaticString, _ attributes: [Attribute], @MarkupBuilder content: () -> Content) {
        self.name = name
        self.attributes = attributes
        self.content = content()
    }

    @inlinable public func render(into output: inout HTMLOutput) {
        output.raw("<")
        output.raw(name)
        for attribute in attributes { attribute.render(into: &output) }
        let marked = output.markHeadElement()
        output.raw(">")
        content.render(into: &output)
        output.endHeadElement(marked)
        output.raw("</")
        output.raw(name)
        output.raw(">")
    }
}

/// An element with no content and no closing tag, written `<br/>` as React writes it.
public struct VoidElement: Markup {
    @usableFromInline let name: StaticString
    @usableFromInline let attributes: [Attribute]

    @usableFromInline init(name: StaticString, attributes: [Attribute]) {
        self.name = name
        self.attributes = attributes
    }

    public func render(into output: inout HTMLOutput) {
        output.raw("<")
        output.raw(name)
        for attribute in attributes { attribute.render(into: &output) }
        output.endHeadElement(output.markHeadElement())
        output.raw("/>")
    }
}

/// A `<style>` element. CSS is raw text in HTML, so only compile-time constants are accepted.
public struct Style: Markup {
    let css: StaticString
    public init(_ css: StaticString) { self.css = css }
    public func render(into output: inout HTMLOutput) {
        output.raw("<style")
        output.endHeadElement(output.markHeadElement())
        output.raw(">")
        output.raw(css)
        output.raw("</style>")
    }
}

/// The elements, as methods of the types that write markup (pages, the document shell, error
/// pages, and the site's own `HTMLScope` types), so that `title`, `main`, `time`, `label` or
/// `table` are not 96 global functions in every file that imports SSR.
extension HTMLScope {
    @inlinable public func html<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("html", attributes, content: content)
    }
    @inlinable public func html(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("html", attributes) { EmptyMarkup() } }

    @inlinable public func head<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("head", attributes, content: content)
    }
    @inlinable public func head(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("head", attributes) { EmptyMarkup() } }

    @inlinable public func body<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("body", attributes, content: content)
    }
    @inlinable public func body(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("body", attributes) { EmptyMarkup() } }

    @inlinable public func div<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("div", attributes, content: content)
    }
    @inlinable public func div(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("div", attributes) { EmptyMarkup() } }

    @inlinable public func span<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("span", attributes, content: content)
    }
    @inlinable public func span(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("span", attributes) { EmptyMarkup() } }

    @inlinable public func p<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("p", attributes, content: content)
    }
    @inlinable public func p(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("p", attributes) { EmptyMarkup() } }

    @inlinable public func a<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("a", attributes, content: content)
    }
    @inlinable public func a(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("a", attributes) { EmptyMarkup() } }

    @inlinable public func h1<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("h1", attributes, content: content)
    }
    @inlinable public func h1(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("h1", attributes) { EmptyMarkup() } }

    @inlinable public func h2<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("h2", attributes, content: content)
    }
    @inlinable public func h2(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("h2", attributes) { EmptyMarkup() } }

    @inlinable public func h3<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("h3", attributes, content: content)
    }
    @inlinable public func h3(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("h3", attributes) { EmptyMarkup() } }

    @inlinable public func h4<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("h4", attributes, content: content)
    }
    @inlinable public func h4(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("h4", attributes) { EmptyMarkup() } }

    @inlinable public func ul<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("ul", attributes, content: content)
    }
    @inlinable public func ul(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("ul", attributes) { EmptyMarkup() } }

    @inlinable public func ol<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("ol", attributes, content: content)
    }
    @inlinable public func ol(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("ol", attributes) { EmptyMarkup() } }

    @inlinable public func li<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("li", attributes, content: content)
    }
    @inlinable public func li(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("li", attributes) { EmptyMarkup() } }

    @inlinable public func main<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("main", attributes, content: content)
    }
    @inlinable public func main(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("main", attributes) { EmptyMarkup() } }

    @inlinable public func header<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("header", attributes, content: content)
    }
    @inlinable public func header(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("header", attributes) { EmptyMarkup() } }

    @inlinable public func footer<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("footer", attributes, content: content)
    }
    @inlinable public func footer(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("footer", attributes) { EmptyMarkup() } }

    @inlinable public func nav<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("nav", attributes, content: content)
    }
    @inlinable public func nav(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("nav", attributes) { EmptyMarkup() } }

    @inlinable public func section<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("section", attributes, content: content)
    }
    @inlinable public func section(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("section", attributes) { EmptyMarkup() } }

    @inlinable public func article<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("article", attributes, content: content)
    }
    @inlinable public func article(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("article", attributes) { EmptyMarkup() } }

    @inlinable public func aside<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("aside", attributes, content: content)
    }
    @inlinable public func aside(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("aside", attributes) { EmptyMarkup() } }

    @inlinable public func strong<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("strong", attributes, content: content)
    }
    @inlinable public func strong(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("strong", attributes) { EmptyMarkup() } }

    @inlinable public func em<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("em", attributes, content: content)
    }
    @inlinable public func em(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("em", attributes) { EmptyMarkup() } }

    @inlinable public func code<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("code", attributes, content: content)
    }
    @inlinable public func code(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("code", attributes) { EmptyMarkup() } }

    @inlinable public func pre<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("pre", attributes, content: content)
    }
    @inlinable public func pre(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("pre", attributes) { EmptyMarkup() } }

    @inlinable public func small<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("small", attributes, content: content)
    }
    @inlinable public func small(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("small", attributes) { EmptyMarkup() } }

    @inlinable public func blockquote<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("blockquote", attributes, content: content)
    }
    @inlinable public func blockquote(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("blockquote", attributes) { EmptyMarkup() } }

    @inlinable public func table<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("table", attributes, content: content)
    }
    @inlinable public func table(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("table", attributes) { EmptyMarkup() } }

    @inlinable public func thead<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("thead", attributes, content: content)
    }
    @inlinable public func thead(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("thead", attributes) { EmptyMarkup() } }

    @inlinable public func tbody<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("tbody", attributes, content: content)
    }
    @inlinable public func tbody(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("tbody", attributes) { EmptyMarkup() } }

    @inlinable public func tr<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("tr", attributes, content: content)
    }
    @inlinable public func tr(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("tr", attributes) { EmptyMarkup() } }

    @inlinable public func th<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("th", attributes, content: content)
    }
    @inlinable public func th(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("th", attributes) { EmptyMarkup() } }

    @inlinable public func td<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("td", attributes, content: content)
    }
    @inlinable public func td(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("td", attributes) { EmptyMarkup() } }

    @inlinable public func time<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("time", attributes, content: content)
    }
    @inlinable public func time(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("time", attributes) { EmptyMarkup() } }

    @inlinable public func form<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("form", attributes, content: content)
    }
    @inlinable public func form(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("form", attributes) { EmptyMarkup() } }

    @inlinable public func label<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("label", attributes, content: content)
    }
    @inlinable public func label(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("label", attributes) { EmptyMarkup() } }

    @inlinable public func button<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("button", attributes, content: content)
    }
    @inlinable public func button(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("button", attributes) { EmptyMarkup() } }

    @inlinable public func title<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("title", attributes, content: content)
    }
    @inlinable public func title(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("title", attributes) { EmptyMarkup() } }

    @inlinable public func dl<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("dl", attributes, content: content)
    }
    @inlinable public func dl(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("dl", attributes) { EmptyMarkup() } }

    @inlinable public func dt<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("dt", attributes, content: content)
    }
    @inlinable public func dt(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("dt", attributes) { EmptyMarkup() } }

    @inlinable public func dd<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("dd", attributes, content: content)
    }
    @inlinable public func dd(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("dd", attributes) { EmptyMarkup() } }

    @inlinable public func figure<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("figure", attributes, content: content)
    }
    @inlinable public func figure(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("figure", attributes) { EmptyMarkup() } }

    @inlinable public func figcaption<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("figcaption", attributes, content: content)
    }
    @inlinable public func figcaption(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("figcaption", attributes) { EmptyMarkup() } }

    @inlinable public func details<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("details", attributes, content: content)
    }
    @inlinable public func details(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("details", attributes) { EmptyMarkup() } }

    @inlinable public func summary<C: Markup>(_ attributes: Attribute..., @MarkupBuilder content: () -> C) -> Element<C> {
        Element("summary", attributes, content: content)
    }
    @inlinable public func summary(_ attributes: Attribute...) -> Element<EmptyMarkup> { Element("summary", attributes) { EmptyMarkup() } }

    @inlinable public func meta(_ attributes: Attribute...) -> VoidElement { VoidElement(name: "meta", attributes: attributes) }

    @inlinable public func link(_ attributes: Attribute...) -> VoidElement { VoidElement(name: "link", attributes: attributes) }

    @inlinable public func img(_ attributes: Attribute...) -> VoidElement { VoidElement(name: "img", attributes: attributes) }

    @inlinable public func br(_ attributes: Attribute...) -> VoidElement { VoidElement(name: "br", attributes: attributes) }

    @inlinable public func hr(_ attributes: Attribute...) -> VoidElement { VoidElement(name: "hr", attributes: attributes) }

    @inlinable public func input(_ attributes: Attribute...) -> VoidElement { VoidElement(name: "input", attributes: attributes) }
}
