import CompressNIO
import NIOCore
import SSR

/// One crawled page in figures, as `explorer check` judges it and the Site view lists it: what
/// it answered, what its props weigh (and what makes them heavy), what they give away, who may
/// cache it, how long the server took, and which of its links lead nowhere.
public struct PageFigures: Sendable {
    /// A part of the props and its bytes of JSON.
    public struct Weight: Sendable, Equatable {
        public let path: String
        public let bytes: Int
    }

    public let url: String
    /// The page whose link led the crawl here; `nil` for `/` and the routes without parameters.
    public let foundOn: String?
    /// The route that answered (`/posts/[id]`), when known.
    public let route: String?
    /// `ƒ`, `○`, `●`, or `?`.
    public let kind: String
    /// The document's final status; `nil` when nothing answered.
    public let status: Int?
    /// Where the document ended (after redirects), and the redirects followed.
    public let finalURL: String
    public let redirects: [String]
    /// The props a client transition gets (else `__NEXT_DATA__`'s): bytes of JSON, gzipped.
    public let propsBytes: Int?
    public let propsGzipBytes: Int?
    /// `__NEXT_DATA__`'s share of the document, and the document's bytes.
    public let nextDataShare: Double?
    public let documentBytes: Int?
    /// The three heaviest parts of the props, at any depth.
    public let heaviest: [Weight]
    /// Values repeated in the props, the most wasteful first (three at most), and all they waste.
    public let repeated: [RepeatedValues.Repeat]
    public let repeatedBytes: Int
    public let secrets: [SensitiveFinding]
    /// The `Cache-Control` of the answer a client transition gets (else the document's).
    public let cache: CacheControlReading?
    public let hydration: HydrationCheck.Verdict?
    /// The server's time for the page's data (else its document): `Server-Timing`'s phases, else
    /// the time to first byte (network included).
    public let serverMilliseconds: Double?
    /// Links of the page to pages of the site that answered 404 (or that the client renders as 404).
    public internal(set) var brokenLinks: [String] = []
    /// Where an error stopped the page (the site could not be reached, a redirect loop).
    public let failure: String?
    /// The other site a redirect sends the browser to, when it does.
    public let leftFor: String?

    public init(_ page: SiteCrawl.Page, site: SiteInfo) {
        let document = page.document
        let data = page.transition
        url = page.url
        foundOn = page.foundOn
        route = document.page
        kind = route.flatMap { page in site.routes?.first { $0.pattern.description == page } }?.kind?.symbol ?? "?"
        status = document.documentFetch.map { Int($0.response.status.code) }
        finalURL = document.url
        redirects = document.redirects
        if case .failed(let reason) = document.outcome { failure = reason } else { failure = nil }
        if case .leftSite(let url) = document.outcome { leftFor = url } else { leftFor = nil }
        let props = data?.props ?? document.props
        let size = props.map { PropsSize($0) }
        propsBytes = size?.total
        propsGzipBytes = props.flatMap { props in
            (try? PropsEncoder().encode(props)).flatMap { bytes in
                var buffer = ByteBuffer(bytes: bytes)
                return (try? buffer.compress(with: .gzip())).map(\.readableBytes)
            }
        }
        let documentBody = document.documentFetch.flatMap { $0.response.headerFields[.contentType]?.hasPrefix("text/html") == true ? $0.body : nil }
        documentBytes = documentBody?.count
        nextDataShare = documentBody.flatMap { body in DocumentParts.nextDataBytes(in: body).map { Double($0) / Double(max(1, body.count)) } }
        heaviest = size.map { $0.largest(3).map { Weight(path: $0.path, bytes: $0.bytes) } } ?? []
        let repeats = props.map { RepeatedValues($0) }
        repeated = Array(repeats?.repeats.prefix(3) ?? [])
        repeatedBytes = repeats?.wastedBytes ?? 0
        let answer = data?.answerFetch ?? document.documentFetch
        let secrets = props.map(SensitiveProps.scan) ?? []
        self.secrets = secrets
        cache = answer.map { CacheControlReading(response: $0.response.headerFields, request: $0.request.headerFields, sensitiveProps: secrets) }
        hydration = document.hydration?.verdict
        serverMilliseconds = answer.flatMap(PageFigures.serverTime)
    }

    /// `Server-Timing`'s phases added up, else the time to first byte.
    static func serverTime(_ fetch: Fetch) -> Double? {
        let server = fetch.timing.phases.filter { $0.source == .server }
        if !server.isEmpty { return server.reduce(0) { $0 + $1.milliseconds } }
        return fetch.timing.phases.first { $0.source == .client && $0.name == "ttfb" }?.milliseconds
    }
}
