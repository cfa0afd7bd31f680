import Explorer
import HTTPTypes
import Synchronization

/// What the session needs from a terminal: its size, keys, painting, the clipboard. The
/// ncurses adapter is one; tests use a scripted one.
public protocol TerminalDevice: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next key, or `nil` when none came within the time (a resize also gives `nil`).
    func nextKey(timeoutMilliseconds: Int) -> Key?
    func paint(_ grid: Grid)
    func copyToClipboard(_ text: String)
}

/// Runs the explorer: keys → state → effects. Fetching and preparing exchanges (parsing,
/// measuring, laying out HTML) happen one at a time, in order, off the UI thread; their results
/// come back through an inbox the loop drains between keys, so the screen never waits.
public final class Session: Sendable {
    public let navigator: Navigator
    private let inbox = Inbox()
    private let work: AsyncStream<Effect>.Continuation
    private let worker: Task<Void, Never>

    public init(navigator: Navigator) {
        self.navigator = navigator
        let (stream, continuation) = AsyncStream<Effect>.makeStream()
        work = continuation
        let inbox = self.inbox
        worker = Task.detached {
            for await effect in stream {
                if let event = await Session.perform(effect, navigator) {
                    inbox.post(event)
                }
            }
        }
    }

    deinit {
        work.finish()
        worker.cancel()
    }

    /// Shows the UI until the user quits or `shouldStop` says so (a signal).
    public func run(on device: TerminalDevice, origin: String, curlBase: String, shouldStop: () -> Bool) {
        let size = device.size
        var state = AppState(width: size.width, height: size.height, origin: origin, curlBase: curlBase)
        work.yield(.loadSite)
        var dirty = true
        var painted: Grid?
        while !shouldStop() {
            let size = device.size
            if size.width != state.width || size.height != state.height {
                _ = state.handle(.resize(width: size.width, height: size.height))
                dirty = true
            }
            for event in inbox.drain() {
                perform(state.handle(event), device)
                dirty = true
            }
            if dirty {
                let grid = Screen.render(state)
                if grid != painted { device.paint(grid) }
                painted = grid
                dirty = false
            }
            if state.quitting { return }
            if let key = device.nextKey(timeoutMilliseconds: 50) {
                perform(state.handle(.key(key)), device)
                dirty = true
            }
        }
    }

    private func perform(_ effects: [Effect], _ device: TerminalDevice) {
        for effect in effects {
            switch effect {
            case .copy(let text): device.copyToClipboard(text)
            case .quit: break
            default: work.yield(effect)
            }
        }
    }

    /// Does the work of one effect, off the UI thread; the event carries the result back.
    static func perform(_ effect: Effect, _ navigator: Navigator) async -> Event? {
        switch effect {
        case .loadSite:
            do throws(TransportError) {
                return .siteLoaded(.success(try await navigator.siteInfo()))
            } catch {
                return .siteLoaded(.failure(error))
            }
        case .navigate(let kind, let path):
            return await navigated(navigator.navigate(kind, to: path), navigator)
        case .back:
            guard let exchange = await navigator.back() else { return .historyEnd(back: true) }
            return await navigated(exchange, navigator)
        case .forward:
            guard let exchange = await navigator.forward() else { return .historyEnd(back: false) }
            return await navigated(exchange, navigator)
        case .compare(let path):
            let hard = await navigator.navigate(.hardNavigation, to: path, recordingHistory: false)
            let client = await navigator.navigate(.clientTransition, to: path, recordingHistory: false)
            return .compared(Comparison(path: path, hard: hard, client: client))
        case .setHeader(let name, let value):
            if let name = HTTPField.Name(name) { await navigator.setHeader(name, value) }
            return await settings(navigator)
        case .setCookie(let name, let value):
            await navigator.setCookie(name, value)
            return await settings(navigator)
        case .copy, .quit:
            return nil
        }
    }

    private static func navigated(_ exchange: Exchange, _ navigator: Navigator) async -> Event {
        let presentation = Presentation(exchange)
        let history = await navigator.history
        return .navigated(presentation, canGoBack: history.canGoBack, canGoForward: history.canGoForward)
    }

    private static func settings(_ navigator: Navigator) async -> Event {
        let headers = await navigator.headers.map { (name: $0.name.rawName, value: $0.value) }
        let cookies = await navigator.cookies
        return .requestSettings(headers: headers, cookies: cookies)
    }
}

/// Results waiting for the UI thread.
private final class Inbox: Sendable {
    private let events = Mutex<[Event]>([])

    func post(_ event: Event) { events.withLock { $0.append(event) } }

    func drain() -> [Event] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
