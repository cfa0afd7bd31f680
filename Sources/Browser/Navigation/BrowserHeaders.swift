import Foundation
import HTTPTypes

/// The request headers a browser adds to what Next.js's client asks for, which the navigator
/// sends too so that a site answers it as it answers a browser (`/welcome` negotiates the
/// language; a cache varies on the encoding). Each can be left out.
///
/// Recorded from Chromium (`client-behaviour.md`): `Accept-Language` on every request,
/// `Accept-Encoding` on every request, `Referer` naming the page shown when the request is made
/// (the entry already popped to on back and forward; none for a load from the address bar).
public struct BrowserHeaders: Sendable, Equatable {
    public enum Name: String, Sendable, CaseIterable {
        case acceptLanguage = "Accept-Language"
        case acceptEncoding = "Accept-Encoding"
        case referer = "Referer"

        public var field: HTTPField.Name {
            switch self {
            case .acceptLanguage: .acceptLanguage
            case .acceptEncoding: .acceptEncoding
            case .referer: .referer
            }
        }

        /// `referer`, `Referer`, `REFERER`: the name as a user types it.
        public init?(typed: String) {
            guard let name = Name.allCases.first(where: { $0.rawValue.lowercased() == typed.lowercased() }) else { return nil }
            self = name
        }
    }

    /// The user's languages as a browser writes them: `fr-FR,fr;q=0.9,en;q=0.8`.
    public var acceptLanguage: String
    /// The headers not sent.
    public var omitted: Set<Name> = []

    /// The encodings the explorer can decode (a browser also offers `br, zstd`).
    public static let acceptEncoding = "gzip, deflate"

    public init(acceptLanguage: String = BrowserHeaders.userLanguages, omitted: Set<Name> = []) {
        self.acceptLanguage = acceptLanguage
        self.omitted = omitted
    }

    /// None of them: the requests Next.js's client asks for, and nothing a browser adds.
    public static var none: BrowserHeaders { BrowserHeaders(omitted: Set(Name.allCases)) }

    /// The browser's headers for one request; `referer` is the absolute URL of the page shown.
    func fields(referer: String?) -> HTTPFields {
        var fields = HTTPFields()
        if !omitted.contains(.acceptLanguage) { fields[.acceptLanguage] = acceptLanguage }
        if !omitted.contains(.acceptEncoding) { fields[.acceptEncoding] = BrowserHeaders.acceptEncoding }
        if !omitted.contains(.referer), let referer { fields[.referer] = referer }
        return fields
    }

    /// `Accept-Language` as Chromium writes it from a list of languages: each language, its
    /// base language after the first of its region variants, quality falling by 0.1 from 1
    /// (`["fr-FR", "en-US"]` → `fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7`).
    public static func acceptLanguage(for languages: [String]) -> String {
        var tags: [String] = []
        for language in languages where !language.isEmpty {
            if !tags.contains(language) { tags.append(language) }
            if let dash = language.firstIndex(of: "-") {
                let base = String(language[..<dash])
                if !tags.contains(base) { tags.append(base) }
            }
        }
        if tags.isEmpty { tags = ["en-US", "en"] }
        return tags.enumerated().map { index, tag in
            index == 0 ? tag : "\(tag);q=\(String(format: "%.1f", max(0.1, 1 - Double(index) / 10)))"
        }.joined(separator: ",")
    }

    /// The user's languages: the system's preferred languages on macOS; on Linux (where
    /// Foundation answers `en-001` whatever the settings) `LANGUAGE`, then the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG`, as gettext reads them. `C` and `POSIX` name none.
    public static let userLanguages: String = {
        #if os(macOS)
        return acceptLanguage(for: Locale.preferredLanguages)
        #else
        return acceptLanguage(for: languages(environment: ProcessInfo.processInfo.environment))
        #endif
    }()

    /// `fr_FR.UTF-8@euro` → `fr-FR`; `LANGUAGE=de:fr` → `de`, `fr`.
    static func languages(environment: [String: String]) -> [String] {
        func tag(_ locale: Substring) -> String? {
            let name = locale.prefix { $0 != "." && $0 != "@" }
            guard !name.isEmpty, name != "C", name != "POSIX" else { return nil }
            return name.replacingOccurrences(of: "_", with: "-")
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        // gettext reads LANGUAGE only when the locale is not C.
        guard let locale, let main = tag(locale[...]) else { return [] }
        let listed = (environment["LANGUAGE"] ?? "").split(separator: ":").compactMap(tag)
        return listed.isEmpty ? [main] : listed
    }
}
