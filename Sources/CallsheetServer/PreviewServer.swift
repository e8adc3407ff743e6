import Callsheet
import FlyingFox
import FlyingSocks
import Foundation

/// `build-site serve`: builds the site, serves the output on loopback, rebuilds when content or
/// templates change, and reloads open pages. A failed rebuild keeps the last good output on disk and
/// shows its errors in the browser instead.
public final class PreviewServer: Sendable {
    /// What to build and where to listen.
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: UInt16
        public var debouncer: Debouncer

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, debouncer: Debouncer = Debouncer()) {
            self.build = build
            self.host = host
            self.port = port
            self.debouncer = debouncer
        }
    }

    /// One build's outcome, as the terminal and the browser see it.
    public struct BuildEvent: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var pageCount: Int
        public var milliseconds: Int
    }

    public let options: Options
    let state: SiteState
    let reloads = ReloadBroadcaster()
    private let server: HTTPServer

    public init(options: Options) throws {
        self.options = options
        state = SiteState(output: URL(fileURLWithPath: options.build.outputDirectory).standardizedFileURL)
        let address: any SocketAddress
        if options.host.contains(":") {
            address = try sockaddr_in6.inet6(ip6: options.host, port: options.port)
        } else {
            address = try sockaddr_in.inet(ip4: options.host, port: options.port)
        }
        server = HTTPServer(address: address, timeout: 30, logger: .disabled,
                            handler: PreviewHandler(state: state, reloads: reloads))
    }

    /// Builds once and records the outcome; serving shows it from then on.
    @discardableResult
    public func rebuild() async -> BuildEvent {
        let options = self.options.build
        let event = await Task.detached { () -> BuildEvent in
            let start = DispatchTime.now()
            let builder = SiteBuilder(options: options)
            func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000) }
            do throws(BuildFailure) {
                let report = try builder.build()
                return BuildEvent(diagnostics: report.warnings, succeeded: true, pageCount: report.pageCount, milliseconds: elapsed())
            } catch {
                return BuildEvent(diagnostics: error.diagnostics, succeeded: false, pageCount: 0, milliseconds: elapsed())
            }
        }.value
        await state.record(event, root: rootPath())
        await reloads.send()
        return event
    }

    /// The base URL's path, read from site.yml through a quick parse, so `/portfolio/` sites serve under it.
    private func rootPath() -> String? {
        if let override = options.build.baseURL { return BaseURL(override)?.root }
        let path = options.build.contentDirectory + "/site.yml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return SiteConfig.parse(text, path: path).0?.baseURL.root
    }

    /// Starts listening; returns the address pages are served at.
    public func start() async throws -> URL {
        let server = self.server
        let failure = StartFailure()
        Task {
            do { try await server.run() } catch { await failure.set(error) }
        }
        var address = await server.listeningAddress
        for _ in 0..<500 where address == nil {
            if let error = await failure.error { throw ServeError(message: describe(error)) }
            try await Task.sleep(nanoseconds: 10_000_000)
            address = await server.listeningAddress
        }
        guard let address else { throw ServeError(message: "the server did not start listening within 5 seconds") }
        let port: UInt16
        switch address {
        case .ip4(_, let value), .ip6(_, let value): port = value
        default: port = options.port
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let root = await state.root
        guard let url = URL(string: "http://\(host):\(port)\(root)") else { throw ServeError(message: "bad address") }
        return url
    }

    /// Rebuilds on every change in the content and templates folders until cancelled.
    public func watch(with watcher: any FileWatcher = makeFileWatcher(), onBuild: @escaping @Sendable (BuildEvent) -> Void) async throws {
        let changes = try watcher.changes(in: [options.build.contentDirectory, options.build.templatesDirectory])
        let pending = PendingChanges()
        let debouncer = options.debouncer
        let listener = Task {
            for await _ in changes { await pending.note(now: Self.now()) }
        }
        defer { listener.cancel() }
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: 5_000_000)
            guard await pending.take(now: Self.now(), debouncer: debouncer) else { continue }
            onBuild(await rebuild())
        }
    }

    /// Stops serving, letting requests under way finish for up to a second.
    public func stop() async {
        await reloads.finish()
        await server.stop(timeout: 1)
    }

    func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("errno: 98") {
            return "the port \(options.port) is already in use"
        }
        return text
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

struct ServeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The error that stopped the server from starting, if one did.
actor StartFailure {
    private(set) var error: (any Error)?
    func set(_ error: any Error) { self.error = error }
}

/// File events not yet acted on.
actor PendingChanges {
    private var first: Double?
    private var last: Double?

    func note(now: Double) {
        if first == nil { first = now }
        last = now
    }

    /// True, once, when a burst is over and a rebuild is due.
    func take(now: Double, debouncer: Debouncer) -> Bool {
        guard let first, let last, debouncer.shouldFire(now: now, firstEvent: first, lastEvent: last) else { return false }
        self.first = nil
        self.last = nil
        return true
    }
}

/// What the server shows: the output folder, the site's path prefix, and the last build's errors.
actor SiteState {
    let output: URL
    private(set) var root = "/"
    private(set) var failure: [Diagnostic]?

    init(output: URL) {
        self.output = output
    }

    func record(_ event: PreviewServer.BuildEvent, root: String?) {
        failure = event.succeeded ? nil : event.diagnostics
        if let root { self.root = root }
    }
}

/// Something other than a socket that hears reloads.
struct ReloadListener: Sendable {
    let continuation: AsyncStream<String>.Continuation
}

/// Tells every open page to reload.
actor ReloadBroadcaster {
    private var listeners: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    func add(_ continuation: AsyncStream<WSMessage>.Continuation) -> UUID {
        let id = UUID()
        listeners[id] = continuation
        return id
    }

    func remove(_ id: UUID) { listeners[id] = nil }

    var count: Int { listeners.count }

    private var testListeners: [ReloadListener] = []

    /// For tests: hears every reload as the sockets do.
    func addTestListener(_ listener: ReloadListener) { testListeners.append(listener) }

    func send() {
        for listener in listeners.values { listener.yield(.text("reload")) }
        for listener in testListeners { listener.continuation.yield("reload") }
    }

    func finish() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }
}
