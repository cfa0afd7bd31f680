import HTTPTypes
import SSR

/// The exchange and its analysis as one JSON object (`explorer inspect --json`), keys in a
/// fixed order, headers as `[name, value]` pairs (order and repeats kept).
extension Exchange {
    public func json(analysis: Analysis, serverLog: [String]) -> JSONValue {
        let exchange = self
        var members: [JSONValue.Member] = [
            .init("requested", .string(exchange.requested.rawValue)),
            .init("kind", .string(exchange.kind.rawValue)),
            .init("target", .string(exchange.target)),
            .init("url", .string(exchange.url)),
        ]
        switch exchange.outcome {
        case .page: members.append(.init("outcome", "page"))
        case .clientNotFound: members.append(.init("outcome", "client-not-found"))
        case .leftSite(let url):
            members.append(.init("outcome", "left-site"))
            members.append(.init("leftSiteFor", .string(url)))
        case .failed(let message):
            members.append(.init("outcome", "failed"))
            members.append(.init("error", .string(message)))
        }
        members += [
            .init("page", exchange.page.map(JSONValue.string) ?? .null),
            .init("notes", .array(exchange.notes.map(JSONValue.string))),
            .init("fetches", .array(exchange.fetches.map(Exchange.fetch))),
            .init("prefetches", .array(exchange.prefetches.map(Exchange.fetch))),
            .init("props", exchange.props ?? .null),
            .init("html", exchange.html.map(JSONValue.string) ?? .null),
            .init("serverDocument", exchange.serverDocument.map(Exchange.fetch) ?? .null),
            .init("documentPropsAgree", exchange.documentPropsAgree.map(JSONValue.bool) ?? .null),
            .init("hydration", exchange.hydration.map(Exchange.hydration) ?? .null),
            .init("clientRenderMs", exchange.clientRenderMilliseconds.map(JSONValue.number) ?? .null),
            .init("compiledPage", exchange.compiledPage.map(JSONValue.string) ?? .null),
            .init("serverError", exchange.serverError.map { ["name": .string($0.name), "message": .string($0.message), "stack": .string($0.stack)] } ?? .null),
            .init("totalMs", .number(exchange.totalMilliseconds)),
            .init("analysis", Exchange.analysis(analysis)),
            .init("serverLog", .array(serverLog.map(JSONValue.string))),
        ]
        return .object(members)
    }

    private static func fields(_ fields: HTTPFields) -> JSONValue {
        .array(fields.map { .array([.string($0.name.rawName), .string($0.value)]) })
    }

    private static func fetch(_ fetch: Fetch) -> JSONValue {
        [
            "request": [
                "method": .string(fetch.request.method.rawValue), "path": .string(fetch.request.path ?? "/"),
                "headers": fields(fetch.request.headerFields),
            ],
            "response": [
                "status": .number(Double(fetch.response.status.code)), "reason": .string(fetch.response.status.reasonPhrase),
                "headers": fields(fetch.response.headerFields), "body": .string(fetch.bodyText),
                "explained": .array(NextHeadersReading(response: fetch.response.headerFields).sentences.map(JSONValue.string)),
            ],
            "timing": [
                "totalMs": .number(fetch.timing.totalMilliseconds),
                "phases": .array(fetch.timing.phases.map { phase in
                    ["name": .string(phase.name), "ms": .number(phase.milliseconds), "source": phase.source == .server ? "server" : "client"]
                }),
            ],
        ]
    }

    private static func hydration(_ check: HydrationCheck) -> JSONValue {
        let verdict: JSONValue = switch check.verdict {
        case .match: "match"
        case .mismatch: "mismatch"
        case .failed: "failed"
        }
        return ["verdict": verdict, "detail": .string(check.detail)]
    }

    private static func analysis(_ analysis: Analysis) -> JSONValue {
        let size: JSONValue = analysis.propsSize.map { size in
            [
                "bytes": .number(Double(size.total)), "threshold": .number(Double(size.threshold)),
                "overThreshold": .bool(size.isOverThreshold),
                "largest": .array(size.largest(10).map { ["path": .string($0.path), "bytes": .number(Double($0.bytes)), "share": .number(size.share($0))] }),
            ]
        } ?? .null
        let cache: JSONValue = analysis.cacheControl.map { reading in
            [
                "header": reading.header.map(JSONValue.string) ?? .null,
                "sentences": .array(reading.sentences.map(JSONValue.string)),
                "warnings": .array(reading.warnings.map(JSONValue.string)),
            ]
        } ?? .null
        let links: [JSONValue] = analysis.links.map { link in
            let (kind, value): (String, String) = switch link.destination {
            case .page(let path): ("page", path)
            case .external(let url): ("external", url)
            case .fragment(let id): ("fragment", id)
            }
            return ["href": .string(link.href), "text": .string(link.text), "destination": .string(kind), "to": .string(value)]
        }
        return [
            "propsSize": size,
            "sensitive": .array(analysis.sensitive.map { ["path": .string($0.path), "reason": .string($0.reason)] }),
            "cacheControl": cache,
            "links": .array(links),
        ]
    }
}
