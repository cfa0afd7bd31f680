import SSR

/// One navigation, as the explorer shows it: every request it made, the props the page got,
/// its HTML, and what happened in words.
public struct Exchange: Sendable {
    public enum Kind: String, Sendable {
        /// `next/link` or `router.push`: fetch the data URL, render in the browser.
        case clientTransition = "client transition"
        /// Typing the URL or reloading: fetch the HTML document.
        case hardNavigation = "hard navigation"
    }

    /// How the page finally arrived.
    public enum Outcome: Sendable, Equatable {
        /// A page rendered from props (a 404 or 500 document is a page too).
        case page
        /// `{"notFound":true}`: the client rendered the 404 page itself, at the target URL.
        case clientNotFound
        /// The browser leaves the site for this URL (an external redirect); not followed.
        case leftSite(String)
        /// No page: the site could not be reached, or redirected too often.
        case failed(String)
    }

    /// What the user asked for.
    public let requested: Kind
    /// How it was done: a client transition falls back to a hard navigation when the data
    /// request fails, as Next.js's router does.
    public internal(set) var kind: Kind
    /// The path the user asked for (without basePath).
    public let target: String
    /// The URL the address bar shows at the end (without basePath).
    public internal(set) var url: String
    public internal(set) var outcome: Outcome = .page
    /// Every request, in order: redirect hops, the fallback document.
    public internal(set) var fetches: [Fetch] = []
    /// Each redirect followed, as its status and destination (`308 /posts/1`): HTTP's for a
    /// document, `getServerSideProps`'s for a data request.
    public internal(set) var redirects: [String] = []
    /// What happened, in plain words, in order.
    public internal(set) var notes: [String] = []
    /// The page's route (`/posts/[id]`), when known.
    public internal(set) var page: String?
    /// Where the props came from.
    public enum PropsSource: Sendable, Equatable {
        /// The data response of a client transition.
        case dataResponse
        /// `__NEXT_DATA__` in the document.
        case nextData
        /// A static page: `{"pageProps":{}}`, nothing fetched.
        case staticPage
        /// The data response was not JSON: the page renders with `{}`, as in Next.js.
        case unreadableResponse
        /// `getInitialProps` ran in the browser (a custom App's, or the page's): what it returned
        /// is not on the wire. Over HTTP the server's document for the URL shows what it
        /// returned on the server.
        case clientInitialProps
    }

    /// The props as the client holds them: `pageProps`, and beside it what a custom App's
    /// `getInitialProps` adds and Next.js's markers (`__N_SSP`, `__N_SSG`).
    public internal(set) var props: JSONValue?
    /// The page's own props (`props.pageProps`).
    public var pageProps: JSONValue? { props.map { $0["pageProps"] ?? .object([]) } }
    /// The links of the page shown that the client prefetched (`purpose: prefetch`), after it arrived.
    public internal(set) var prefetches: [Fetch] = []
    public internal(set) var propsSource: PropsSource?
    /// For a hard navigation the document; for a client transition the HTML the client
    /// rendered inside `#__next` in-process, or the server's document (`serverDocument`) remotely.
    public internal(set) var html: String?
    public internal(set) var hydration: HydrationCheck?
    /// After a client transition on a remote site: the server's document for the same URL,
    /// fetched by the explorer (not part of the navigation, not timed with it); `html` is its body.
    public internal(set) var serverDocument: Fetch?
    /// Whether that document's `__NEXT_DATA__` props equal the data response's (getServerSideProps
    /// ran twice: a difference is props that change from request to request).
    public internal(set) var documentPropsAgree: Bool?
    /// How long rendering in the "browser" took, for a client transition in-process.
    public internal(set) var clientRenderMilliseconds: Double?
    /// On `next dev`: the page the server compiled before answering (its first request), so
    /// that the time is mostly compiling, not the page's own cost.
    public internal(set) var compiledPage: String?
    /// A full load brought another build ID than the one known before: the site was deployed
    /// again (its routes may have changed too).
    public internal(set) var newBuildId: String?
    /// The error a development server put in the document (`__NEXT_DATA__.err`), which Next.js's
    /// error overlay shows.
    public internal(set) var serverError: ServerError?

    public struct ServerError: Sendable, Equatable {
        public let name: String
        public let message: String
        public let stack: String
    }

    init(requested: Kind, target: String) {
        self.requested = requested
        self.kind = requested
        self.target = target
        self.url = target
    }

    /// The last request made: the one whose response is the page's.
    public var lastFetch: Fetch? { fetches.last }

    /// The last document request (no `x-nextjs-data`): a hard navigation's page, before the data
    /// requests the client makes once it is up.
    public var documentFetch: Fetch? { fetches.last { $0.request.headerFields[.nextjsData] == nil } }

    /// The last `GET`: the page's answer, without the background check (`HEAD`) the client
    /// sends after a getStaticProps page.
    public var answerFetch: Fetch? { fetches.last { $0.request.method == .get } }

    /// Milliseconds from the first request to the last response, plus client rendering.
    public var totalMilliseconds: Double {
        fetches.reduce(0) { $0 + $1.timing.totalMilliseconds } + (clientRenderMilliseconds ?? 0)
    }
}

/// Whether the HTML the client renders from the props it received equals the server's HTML
/// for the same props. React calls a difference a hydration mismatch.
public struct HydrationCheck: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        case match
        /// Differs from this UTF-8 offset on.
        case mismatch(offset: Int)
        /// The client could not render (props that do not decode, for instance).
        case failed
    }
    public let verdict: Verdict
    /// In words, with the differing parts for a mismatch.
    public let detail: String

    /// Compares `client` with `server`.
    static func compare(server: String, client: String) -> HydrationCheck {
        let s = Array(server.utf8), c = Array(client.utf8)
        guard s != c else {
            return HydrationCheck(verdict: .match, detail: "the client's HTML equals the server's (\(s.count) bytes)")
        }
        var offset = 0
        while offset < s.count, offset < c.count, s[offset] == c[offset] { offset += 1 }
        func excerpt(_ bytes: [UInt8]) -> String {
            let start = max(0, offset - 20), end = min(bytes.count, offset + 40)
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        return HydrationCheck(
            verdict: .mismatch(offset: offset),
            detail: "the client's HTML differs from the server's at byte \(offset): server \"\(excerpt(s))\", client \"\(excerpt(c))\"")
    }

    static func failed(_ reason: String) -> HydrationCheck { HydrationCheck(verdict: .failed, detail: reason) }
}
