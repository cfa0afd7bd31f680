import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SSR

/// Answers every request through the engine, after the server's own checks: size limits, the
/// page time limit, internal headers dropped; then gzip, and one log line. One responder, not a
/// chain of Hummingbird middlewares (one per concern, as Hummingbird's own are): the order of
/// the checks is in one place, and the request path stays one call. A chain has not been
/// measured against it; `explorer bench --http` would tell.
struct EngineResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let engine: Engine
    let limits: ServerLimits
    let logger: Logger
    let timeLimit: PageTimeLimit

    init(engine: Engine, limits: ServerLimits, logger: Logger) {
        self.engine = engine
        self.limits = limits
        self.logger = logger
        timeLimit = PageTimeLimit(limits.pageTime)
    }

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        var request = request
        let head = request.head
        var response: EngineResponse
        if (head.path?.utf8.count ?? 0) > limits.targetBytes {
            response = engine.errorResponse(414, for: head)
        } else if head.headerFields.reduce(0, { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count }) > limits.headerBytes {
            response = engine.errorResponse(431, for: head)
        } else if let declared = head.headerFields[.contentLength].flatMap({ Int($0) }), declared > limits.bodyBytes {
            // Refused from the declared length, at once, as nginx does: waiting for a body that
            // will be refused holds the client for nothing. What comes of the body is read and
            // dropped (closing with it unread would reset the connection, and the client could
            // lose this answer); a client that stops sending is closed after the idle time.
            response = engine.errorResponse(413, for: head)
        } else if let body = await EngineResponder.body(of: &request, upTo: limits.bodyBytes) {
            var clean = head
            clean.headerFields = EdgeHeaders.withoutInternal(head.headerFields)
            let engineRequest = EngineRequest(clean, body: body)
            let engine = self.engine
            if let answer = await timeLimit.run({ await engine.respond(to: engineRequest) }) {
                response = answer
            } else {
                logger.error("\(head.method) \(head.path ?? "") took longer than \(limits.pageTime): answered 504, the page is still running")
                response = engine.errorResponse(504, for: head)
            }
        } else {
            response = engine.errorResponse(413, for: head)
        }
        var responseHead = response.head
        var body = response.body
        // A HEAD answer has no body to compress, but says `Vary` as its GET would.
        Compression.apply(request: head, head: &responseHead, body: &body)
        let tenths = Int(((ContinuousClock.now - started).inMilliseconds * 10).rounded())
        logger.info("\(head.method) \(head.path ?? "") \(responseHead.status.code) \(tenths / 10).\(tenths % 10) ms")
        return Response(
            status: responseHead.status, headers: responseHead.headerFields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The request's body, `nil` when it is over `limit`. A request with neither `Content-Length`
    /// nor `Transfer-Encoding` has none (RFC 9112, 6.3): most requests, GETs, are not read at all,
    /// which saved a wait on the body's stream per request. Hummingbird reads what is left of a
    /// request before the next one either way.
    static func body(of request: inout Request, upTo limit: Int) async -> [UInt8]? {
        let fields = request.head.headerFields
        if fields[.contentLength] == nil && fields[.transferEncoding] == nil { return [] }
        return (try? await request.collectBody(upTo: limit)).map { Array(buffer: $0) }
    }
}
