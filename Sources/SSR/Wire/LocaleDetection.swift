import HTTPTypes

/// Next.js's locale detection (`localeDetection`, on by default): a request for the root path
/// without a locale prefix is redirected to the visitor's preferred locale, taken from the
/// `NEXT_LOCALE` cookie, else from `Accept-Language`, when it is not the default locale.
enum LocaleDetection {
    /// The preferred supported locale, or `nil` when none is preferred.
    static func preferredLocale(_ fields: HTTPFields, locales: [String]) -> String? {
        if let cookie = Cookies.parse(fields)["NEXT_LOCALE"],
            let locale = locales.first(where: { $0.lowercased() == cookie.lowercased() })
        {
            return locale
        }
        guard let header = fields[.acceptLanguage] else { return nil }
        return bestMatch(acceptLanguage: header, locales: locales)
    }

    /// Preferences by weight (`q`), ties in header order; each matched exactly (case-insensitive),
    /// else by its primary language (`fr-CA` → `fr`, `en` → `en-US`). `*` and `q=0` match nothing.
    static func bestMatch(acceptLanguage header: String, locales: [String]) -> String? {
        var preferences: [(tag: String, q: Double, order: Int)] = []
        for (order, part) in header.split(separator: ",").enumerated() {
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingSpaces.lowercased(), !tag.isEmpty, tag != "*" else { continue }
            var q = 1.0
            for parameter in pieces.dropFirst() {
                let p = parameter.trimmingSpaces
                if p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            }
            if q > 0 { preferences.append((tag, q, order)) }
        }
        preferences.sort { $0.q != $1.q ? $0.q > $1.q : $0.order < $1.order }
        func primary(_ tag: String) -> Substring { tag.split(separator: "-").first ?? Substring(tag) }
        for preference in preferences {
            if let exact = locales.first(where: { $0.lowercased() == preference.tag }) { return exact }
            if let related = locales.first(where: { primary($0.lowercased()) == primary(preference.tag) }) { return related }
        }
        return nil
    }
}
