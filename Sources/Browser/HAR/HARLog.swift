import Foundation
import HTTPTypes
import SSR

/// A HAR 1.2 file (HTTP Archive, as browsers' network panels save them): the requests and
/// responses of a session, with their bodies and timing. The explorer writes one per session
/// and reads any, `.har` or gzipped.
///
/// Only what the explorer uses is kept as Swift values; a field of its own rides in the
/// `_explorer` custom fields HAR allows (names starting with `_`).
public struct HARLog: Sendable {
    public struct Page: Sendable {
        public var id: String
        public var title: String
        public var started: Date
        /// The explorer's record of the navigation this page stands for, when it wrote the file.
        public var explorer: JSONValue?
    }

    public struct Entry: Sendable {
        public var pageref: String?
        public var started: Date
        /// The absolute URL requested.
        public var url: String
        /// The request and its answer; `nil` when no answer came (`failure` says why).
        public var fetch: Fetch?
        public var request: HTTPRequest
        public var failure: String?
        /// `document`, `fetch`, `script`…, as Chromium's `_resourceType` says.
        public var resourceType: String?
        /// The response had a body the file does not hold (a browser drops some).
        public var bodyMissing: Bool
        /// The explorer's marks on an entry it wrote (`inProcess`, `serverDocument`).
        public var explorer: JSONValue?
        /// The browser's own cache answered (`_transferSize` 0, `_fromCache`): nothing reached the server.
        public var fromCache = false
    }

    public var creator: String
    public var browser: String?
    public var pages: [Page]
    public var entries: [Entry]

    public init(creator: String, browser: String? = nil, pages: [Page], entries: [Entry]) {
        self.creator = creator
        self.browser = browser
        self.pages = pages
        self.entries = entries
    }
}

/// A file that is not a HAR the explorer can read: what is wrong, and where.
public struct HARError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
