import SSR

/// The report as one JSON object (`explorer check --json`): every page's figures, keys in a
/// fixed order.
extension SiteReport {
    public var json: JSONValue {
        .object([
            .init("buildId", .string(site.buildId)),
            .init("pages", .array(pages.map(\.json))),
            .init("leftOut", .array(leftOut.map(JSONValue.string))),
        ])
    }
}

extension PageFigures {
    public var json: JSONValue {
        func number(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
        let hydration: JSONValue = switch self.hydration {
        case .match?: "match"
        case .mismatch?: "mismatch"
        case .failed?: "failed"
        case nil: .null
        }
        return .object([
            .init("url", .string(url)),
            .init("foundOn", foundOn.map(JSONValue.string) ?? .null),
            .init("route", route.map(JSONValue.string) ?? .null),
            .init("kind", .string(kind)),
            .init("status", number(status)),
            .init("finalUrl", .string(finalURL)),
            .init("redirects", .array(redirects.map(JSONValue.string))),
            .init("failure", failure.map(JSONValue.string) ?? .null),
            .init("leftFor", leftFor.map(JSONValue.string) ?? .null),
            .init("propsBytes", number(propsBytes)),
            .init("propsGzipBytes", number(propsGzipBytes)),
            .init("documentBytes", number(documentBytes)),
            .init("nextDataShare", nextDataShare.map(JSONValue.number) ?? .null),
            .init("heaviest", .array(heaviest.map { ["path": .string($0.path), "bytes": .number(Double($0.bytes))] })),
            .init("repeated", .array(repeated.map { repeat_ in
                ["paths": .array(repeat_.paths.map(JSONValue.string)), "count": .number(Double(repeat_.count)),
                 "bytes": .number(Double(repeat_.bytes)), "wasted": .number(Double(repeat_.wasted))]
            })),
            .init("repeatedBytes", .number(Double(repeatedBytes))),
            .init("secrets", .array(secrets.map { ["path": .string($0.path), "reason": .string($0.reason)] })),
            .init("cacheControl", cache?.header.map(JSONValue.string) ?? .null),
            .init("sharedCacheable", cache.map { .bool($0.sharedCacheable) } ?? .null),
            .init("cacheWarnings", .array((cache?.warnings ?? []).map(JSONValue.string))),
            .init("hydration", hydration),
            .init("serverMs", serverMilliseconds.map(JSONValue.number) ?? .null),
            .init("brokenLinks", .array(brokenLinks.map(JSONValue.string))),
        ])
    }
}
