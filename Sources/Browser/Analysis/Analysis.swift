/// Everything the explorer reads from one exchange: the props' weight by key, props that look
/// like secrets, the `Cache-Control` reading and the links a user can follow next.
public struct Analysis: Sendable {
    public let propsSize: PropsSize?
    public let sensitive: [SensitiveFinding]
    /// The page's response's `Cache-Control` (the last fetch), `nil` when nothing was fetched.
    public let cacheControl: CacheControlReading?
    /// Links in the page's HTML (the client-rendered HTML for a client transition).
    public let links: [PageLink]

    private init(propsSize: PropsSize?, sensitive: [SensitiveFinding], cacheControl: CacheControlReading?, links: [PageLink]) {
        self.propsSize = propsSize
        self.sensitive = sensitive
        self.cacheControl = cacheControl
        self.links = links
    }

    /// The same findings with the props' size reduced to its ``PropsSize/summary``.
    public var withSizeSummary: Analysis {
        Analysis(propsSize: propsSize?.summary, sensitive: sensitive, cacheControl: cacheControl, links: links)
    }

    public init(_ exchange: Exchange) {
        self.init(
            exchange, propsSize: exchange.props.map { PropsSize($0) }, sensitive: exchange.props.map(SensitiveProps.scan) ?? [],
            links: Analysis.links(in: exchange))
    }

    /// From its parts, made apart: the explorer makes them on several threads at once.
    public init(_ exchange: Exchange, propsSize: PropsSize?, sensitive: [SensitiveFinding], links: [PageLink]) {
        self.propsSize = propsSize
        self.sensitive = sensitive
        cacheControl = exchange.lastFetch.map {
            CacheControlReading(response: $0.response.headerFields, request: $0.request.headerFields, sensitiveProps: sensitive)
        }
        self.links = links
    }

    /// The links of the exchange's HTML, resolved against its URL.
    public static func links(in exchange: Exchange) -> [PageLink] {
        exchange.html.map { PageLinks.find(in: $0, base: exchange.url) } ?? []
    }
}
