import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Receives one response from AsyncHTTPClient and notes when each part happened, as curl's
/// `-w` does: the request head sent (the connection is up), the response head (first byte),
/// the last byte.
final class FetchTimingDelegate: HTTPClientResponseDelegate {
    struct Received: Sendable {
        var head: HTTPResponseHead
        var body: ByteBuffer
        var requestSent: ContinuousClock.Instant
        var firstByte: ContinuousClock.Instant
        var lastByte: ContinuousClock.Instant
    }
    typealias Response = Received

    private struct State {
        var head: HTTPResponseHead?
        var body = ByteBuffer()
        var requestSent: ContinuousClock.Instant?
        var firstByte: ContinuousClock.Instant?
    }
    private let state = Mutex(State())
    private let bodyLimit: Int

    init(bodyLimit: Int) { self.bodyLimit = bodyLimit }

    func didSendRequestHead(task: HTTPClient.Task<Received>, _ head: HTTPRequestHead) {
        state.withLock { $0.requestSent = ContinuousClock.now }
    }

    func didReceiveHead(task: HTTPClient.Task<Received>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock {
            $0.head = head
            $0.firstByte = ContinuousClock.now
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Received>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let tooLarge = state.withLock { state -> Bool in
            var buffer = buffer
            state.body.writeBuffer(&buffer)
            return state.body.readableBytes > bodyLimit
        }
        if tooLarge { task.fail(reason: FetchTimingDelegate.TooLarge(limit: bodyLimit)) }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Received>) throws -> Received {
        let now = ContinuousClock.now
        return try state.withLock { state in
            guard let head = state.head else { throw HTTPClientError.remoteConnectionClosed }
            let sent = state.requestSent ?? state.firstByte ?? now
            return Received(head: head, body: state.body, requestSent: sent, firstByte: state.firstByte ?? now, lastByte: now)
        }
    }

    struct TooLarge: Error, CustomStringConvertible {
        let limit: Int
        var description: String { "the answer is larger than \(limit / 1024 / 1024) MB" }
    }
}
