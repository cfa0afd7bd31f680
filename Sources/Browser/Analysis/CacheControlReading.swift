import Foundation
import HTTPTypes
import SSR

/// `Cache-Control` in plain words: who may store the response, for how long, what happens
/// when it is stale, and warnings for the mistakes that leak data through shared caches.
///
/// ```swift
/// CacheControlReading(response: headers).sentences
/// // ["Any cache may store it, shared caches (CDNs, proxies) included (public).", …]
/// ```
public struct CacheControlReading: Sendable {
    public struct Directive: Sendable, Equatable {
        public let name: String
        public let value: String?
    }

    /// The header as received, `nil` when absent.
    public let header: String?
    public let directives: [Directive]
    /// What the header means, one sentence per point.
    public let sentences: [String]
    public let warnings: [String]
    /// Whether shared caches (CDNs, proxies) may store the response: `public` or `s-maxage`,
    /// without `private` or `no-store`.
    public let sharedCacheable: Bool
    /// The request headers the response varies on (`Vary`), lowercased.
    public let vary: Set<String>

    /// Reads `response`'s headers; `request` and `sensitiveProps` let it warn about
    /// personalized answers that shared caches may store.
    public init(response: HTTPFields, request: HTTPFields = [:], sensitiveProps: [SensitiveFinding] = []) {
        let values = response[values: .cacheControl]
        header = values.isEmpty ? nil : values.joined(separator: ", ")
        let directives = CacheControlReading.parse(header ?? "")
        self.directives = directives
        var sentences: [String] = []
        var warnings: [String] = []
        func value(_ name: String) -> String? { directives.first { $0.name == name }?.value }
        func has(_ name: String) -> Bool { directives.contains { $0.name == name } }
        func seconds(_ name: String) -> Int? { value(name).flatMap { Int($0) } }
        func duration(_ s: Int) -> String {
            if s == 1 { return "1 second" }
            if s < 120 || s % 60 != 0 { return "\(s) seconds" }
            if s < 7200 || s % 3600 != 0 { return "\(s / 60) minutes" }
            return s % 86_400 == 0 ? "\(s / 86_400) day\(s == 86_400 ? "" : "s")" : "\(s / 3600) hours"
        }

        if directives.isEmpty {
            sentences.append("No Cache-Control: caches may store it and guess a lifetime (heuristic freshness, RFC 9111 §4.2.2).")
        }
        if values == [Engine.privateNoStore] {
            sentences.append("This is Next.js's default for a getServerSideProps page: never stored, by any cache.")
        }
        if let sMaxAge = seconds("s-maxage"), !has("private") {
            // Next.js's header for a getStaticProps page: s-maxage is its revalidate, and
            // stale-while-revalidate the rest of its expire (a year unless configured).
            if sMaxAge == CacheControlReading.nextExpire, directives.count == 1 {
                sentences.append("This is Next.js's header for a getStaticProps page without revalidate: built once, kept a year.")
            } else if let swr = seconds("stale-while-revalidate"), sMaxAge + swr == CacheControlReading.nextExpire {
                sentences.append("This is Next.js's header for a getStaticProps page with revalidate: \(sMaxAge): regenerated at most every \(duration(sMaxAge)).")
            }
        }
        let noStore = has("no-store")
        let isPrivate = has("private")
        if noStore { sentences.append("No cache may store it (no-store).") }
        if isPrivate { sentences.append("Only the browser may store it; shared caches (CDNs, proxies) must not (private).") }
        if has("public") { sentences.append("Any cache may store it, shared caches (CDNs, proxies) included (public).") }
        if has("no-cache") { sentences.append("A cache must check with the server before each reuse (no-cache).") }
        if let maxAge = seconds("max-age") {
            sentences.append(maxAge == 0 ? "It is stale as soon as it is received (max-age=0)." : "It stays fresh for \(duration(maxAge)) (max-age=\(maxAge)).")
        }
        if let sMaxAge = seconds("s-maxage") {
            if isPrivate {
                warnings.append("s-maxage has no effect with private: shared caches may not store the response at all.")
            } else {
                sentences.append("Shared caches keep it fresh for \(duration(sMaxAge)), whatever max-age says (s-maxage=\(sMaxAge)).")
            }
        }
        if let swr = seconds("stale-while-revalidate") {
            sentences.append("Once stale, a cache may still serve it for up to \(duration(swr)) while it fetches a fresh copy in the background (stale-while-revalidate=\(swr)).")
        }
        if let sie = seconds("stale-if-error") {
            sentences.append("If the server fails, a cache may serve it stale for up to \(duration(sie)) (stale-if-error=\(sie)).")
        }
        if has("must-revalidate") { sentences.append("Once stale, it must not be used without checking with the server (must-revalidate).") }
        if has("proxy-revalidate") { sentences.append("Shared caches must check with the server once it is stale (proxy-revalidate).") }
        if has("immutable") { sentences.append("It never changes while fresh: browsers skip revalidation on reload (immutable).") }
        if has("no-transform") { sentences.append("Intermediaries must not alter the body (no-transform).") }

        let sharedCacheable = !noStore && !isPrivate && (has("public") || (seconds("s-maxage") ?? 0) > 0)
        self.sharedCacheable = sharedCacheable
        let vary = Set(response[values: .vary].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        self.vary = vary
        if sharedCacheable {
            if !response[values: .setCookie].isEmpty {
                warnings.append("Set-Cookie on a response that shared caches may store: one visitor's cookie can be served to every other visitor.")
            }
            let personal = [("Cookie", HTTPField.Name.cookie), ("Authorization", .authorization)].filter { request[$0.1] != nil && !vary.contains($0.0.lowercased()) }
            if !personal.isEmpty {
                let names = personal.map(\.0).joined(separator: " and ")
                warnings.append("The request carried \(names), and shared caches may store this response without keying on it (no Vary: \(personal.map(\.0).joined(separator: ", "))): if the props depend on \(personal.count == 1 ? "it" : "them"), one user's page is served to others.")
            }
            if !sensitiveProps.isEmpty {
                warnings.append("The props look sensitive (\(sensitiveProps.count) finding\(sensitiveProps.count == 1 ? "" : "s")) and shared caches may store them.")
            }
        }
        self.sentences = sentences
        self.warnings = warnings
    }

    /// Next.js's default `expireTime`: a year, in seconds.
    static let nextExpire = 31_536_000

    /// Directives, lowercased, with unquoted values; empty names are dropped.
    static func parse(_ header: String) -> [Directive] {
        header.split(separator: ",").compactMap { part in
            let pair = part.split(separator: "=", maxSplits: 1)
            let name = (pair.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { return nil }
            let value = pair.count == 2 ? pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : nil
            return Directive(name: name, value: value)
        }
    }
}
