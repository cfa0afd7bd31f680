import Browser
import HTTPTypes
import Synchronization

/// What the session needs from a terminal: its size, keys, painting, the clipboard. The
/// ncurses adapter is one; tests use a scripted one.
package protocol TerminalDevice: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The next key, or `nil` when none came within the time (a resize also gives `nil`).
    func nextKey(timeoutMilliseconds: Int) -> Key?
    func paint(_ grid: Grid)
    func copyToClipboard(_ text: String)
}

/// Runs the explorer: keys → state → effects. Effects are taken in order, off the UI thread;
/// what takes long (a fetch, preparing a 10 MB page) runs as a task of its own, so that a new
/// navigation stops the one in flight (as Next.js's router cancels a route change) and Esc
/// stops it. Results come back through an inbox the loop drains between keys, so the screen
/// never waits.
package final class Session: Sendable {
    package let navigator: Navigator
    /// A second site a page can be diffed on (`D`, then `other`): its name, and how to reach it.
    package let otherSite: (name: String, transport: any Transport)?
    /// A recording opened with the session (`--har`), and its file's name.
    package let recording: (session: RecordedSession, file: String)?
    private let inbox = Inbox()
    private let work: AsyncStream<Effect>.Continuation
    private let worker: Task<Void, Never>

    /// `afterWork` runs after each long piece of work (the executable gives memory back there).
    package init(
        navigator: Navigator, otherSite: (name: String, transport: any Transport)? = nil, recording: (session: RecordedSession, file: String)? = nil,
        afterWork: @escaping @Sendable () -> Void = {}
    ) {
        self.navigator = navigator
        self.otherSite = otherSite
        self.recording = recording
        let (stream, continuation) = AsyncStream<Effect>.makeStream()
        work = continuation
        let inbox = self.inbox
        worker = Task.detached {
            // One task per kind of long work: a new one stops the last.
            var running: [Step.Slot: Task<Void, Never>] = [:]
            for await effect in stream {
                if let stopped = Session.stops(effect) {
                    running[stopped]?.cancel()
                    running[stopped] = nil
                    continue
                }
                let step = await Session.prepare(effect, navigator, otherSite: otherSite?.transport) { inbox.post($0) }
                for event in step.events { inbox.post(event) }
                guard let long = step.work else { continue }
                if let slot = step.slot { running[slot]?.cancel() }
                let task = Task {
                    if let event = await long(), !Task.isCancelled { inbox.post(event) }
                    afterWork()
                }
                if let slot = step.slot { running[slot] = task }
            }
        }
    }

    deinit {
        work.finish()
        worker.cancel()
    }

    /// How long one frame took: handling what changed (a key, results, a resize), laying the
    /// screen out, and painting it.
    package struct Frame: Sendable {
        package var trigger: String
        package var handle: Duration
        package var render: Duration
        package var paint: Duration
        package var total: Duration { handle + render + paint }
    }

    /// Shows the UI until the user quits or `shouldStop` says so (a signal). `onFrame` hears
    /// each frame's times (`explorer --frame-log`).
    package func run(
        on device: TerminalDevice, origin: String, curlBase: String, onFrame: ((Frame) -> Void)? = nil, shouldStop: () -> Bool
    ) {
        let clock = ContinuousClock()
        let size = device.size
        var state = AppState(width: size.width, height: size.height, origin: origin, curlBase: curlBase, otherSite: otherSite?.name)
        work.yield(.loadSite)
        if let recording { dispatch(state.handle(.opened(recording.session, file: recording.file)), to: device) }
        var dirty = true
        var painted: Grid?
        var trigger = "start"
        var handling = clock.now
        while !shouldStop() {
            let size = device.size
            if size.width != state.width || size.height != state.height {
                _ = state.handle(.resize(width: size.width, height: size.height))
                dirty = true
                trigger = "resize \(size.width)×\(size.height)"
            }
            for event in inbox.drain() {
                dispatch(state.handle(event), to: device)
                dirty = true
                trigger = "results"
            }
            if dirty {
                let rendering = clock.now
                let grid = Screen.render(state)
                let painting = clock.now
                if grid != painted { device.paint(grid) }
                painted = grid
                dirty = false
                onFrame?(Frame(trigger: trigger, handle: rendering - handling, render: painting - rendering, paint: clock.now - painting))
            }
            if state.quitting { return }
            // Work left for the frames to come (a search scanning) does not wait for a key. A
            // result on its way is looked for every 5 ms, not 50: results come through the inbox,
            // which a wait for a key does not see (a 50 ms wait added 25 ms to a page on average).
            let key = device.nextKey(timeoutMilliseconds: state.isBusy ? 0 : state.isAwaitingResult ? 5 : 50)
            handling = clock.now
            if let key {
                dispatch(state.handle(.key(key)), to: device)
                dirty = true
                trigger = "key \(key)"
            } else if state.isBusy {
                state.continueWork()
                dirty = true
                trigger = "search"
            }
        }
    }

    private func dispatch(_ effects: [Effect], to device: TerminalDevice) {
        for effect in effects {
            switch effect {
            case .copy(let text): device.copyToClipboard(text)
            case .quit: break
            default: work.yield(effect)
            }
        }
    }

    /// One effect's work: `events` at once (in the order of the effects), then `work`, which may
    /// take long, as a task in `slot`.
    struct Step: Sendable {
        enum Slot: Sendable { case navigation, comparison, diff, crawl }
        var events: [Event] = []
        var work: (@Sendable () async -> Event?)?
        var slot: Slot?
    }

    /// The slot an effect stops, when it is a stop.
    static func stops(_ effect: Effect) -> Step.Slot? {
        switch effect {
        case .stopNavigation: .navigation
        case .stopComparing: .comparison
        case .stopDiffing: .diff
        case .stopCrawling: .crawl
        default: nil
        }
    }

    /// Does the quick part of an effect (moving in history, setting a header) and says what the
    /// long part is. The tests run both halves in step.
    /// `post` hears what long work says on its way (a crawl's progress).
    static func prepare(
        _ effect: Effect, _ navigator: Navigator, otherSite: (any Transport)? = nil, post: @escaping @Sendable (Event) -> Void = { _ in }
    ) async -> Step {
        switch effect {
        case .loadSite:
            // The settings given on the command line, for the request window.
            return Step(events: [await settings(navigator)], work: {
                do throws(TransportError) {
                    return .siteLoaded(.success(try await navigator.siteInfo()))
                } catch {
                    return .siteLoaded(.failure(error))
                }
            })
        case .navigate(let id, let kind, let path):
            return Step(work: { await navigated(id, navigator.navigate(kind, to: path), navigator) }, slot: .navigation)
        case .back(let id), .forward(let id):
            let back = effect == .back(id: id)
            guard let url = await (back ? navigator.stepBack() : navigator.stepForward()) else {
                return Step(events: [.historyEnd(id: id, back: back)])
            }
            let history = await navigator.history
            return Step(
                events: [.headingTo(id: id, url: url, canGoBack: history.canGoBack, canGoForward: history.canGoForward)],
                work: { await navigated(id, navigator.revisit(url), navigator) }, slot: .navigation)
        case .compare(let path):
            return Step(work: {
                let hard = await navigator.navigate(.hardNavigation, to: path, recordingHistory: false)
                let client = await navigator.navigate(.clientTransition, to: path, recordingHistory: false)
                return Task.isCancelled ? nil : .compared(Comparison(path: path, hard: hard, client: client))
            }, slot: .comparison)
        case .changeRequests(let change):
            await change.apply(to: navigator)
            return Step(events: [await settings(navigator)])
        case .diff(let request):
            return Step(work: {
                let result = await diffed(request, navigator, otherSite: otherSite)
                return Task.isCancelled ? nil : .diffed(id: request.id, result)
            }, slot: .diff)
        case .crawl:
            return Step(work: {
                do throws(TransportError) {
                    let crawl = try await SiteCrawl.run(navigator) { post(.crawlProgress($0)) }
                    return Task.isCancelled ? nil : .crawled(.success(SiteReport(crawl)))
                } catch {
                    return .crawled(.failure(error))
                }
            }, slot: .crawl)
        case .saveHAR(let save):
            let origin = navigator.transport.pageOrigin
            return Step(work: {
                let log = HARLog(session: save.exchanges, origin: origin)
                do throws(HARError) {
                    try log.write(to: save.path)
                    return .saved(.success("Saved \(save.exchanges.count) exchanges (\(log.entries.count) requests) to \(save.path)."))
                } catch {
                    return .saved(.failure(error))
                }
            })
        case .copy, .quit, .stopNavigation, .stopComparing, .stopDiffing, .stopCrawling:
            return Step()
        }
    }

    private static func navigated(_ id: Int, _ exchange: Exchange, _ navigator: Navigator) async -> Event? {
        // A stopped navigation's page is not prepared: it would be dropped on arrival.
        if Task.isCancelled { return nil }
        let presentation = await Presentation.prepared(exchange)
        let history = await navigator.history
        return .navigated(id: id, presentation, canGoBack: history.canGoBack, canGoForward: history.canGoForward)
    }

    /// A diff's side b, fetched when asked (outside history: a comparison, not a visit), then the
    /// diff made ready.
    private static func diffed(_ request: DiffRequest, _ navigator: Navigator, otherSite: (any Transport)?) async -> Result<DiffPresentation, DiffFailure> {
        let a = request.a.exchange
        let b: Presentation
        switch request.b {
        case .shown(let shown): b = shown
        case .again:
            b = await Presentation.prepared(navigator.navigate(a.requested, to: a.url, recordingHistory: false))
        case .changed(let change):
            let other = await navigator.copy()
            await change.apply(to: other)
            b = await Presentation.prepared(other.navigate(a.requested, to: a.url, recordingHistory: false))
        case .server(let url):
            let transport: any Transport
            if let url {
                do throws(TransportError) { transport = try HTTPTransport(url: url) } catch { return .failure(DiffFailure(reason: error.message)) }
            } else if let otherSite {
                transport = otherSite
            } else {
                return .failure(DiffFailure(reason: "there is no other site"))
            }
            let other = await navigator.copy(on: transport)
            do throws(TransportError) { _ = try await other.siteInfo() } catch {
                return .failure(DiffFailure(reason: "\(transport.origin) cannot be reached: \(error.message)"))
            }
            b = await Presentation.prepared(other.navigate(a.requested, to: a.url, recordingHistory: false))
        }
        return .success(DiffPresentation(request.a, b, labels: request.labels))
    }

    private static func settings(_ navigator: Navigator) async -> Event {
        .requestSettings(await RequestSettings.of(navigator))
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
