import Callsheet
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
        public var limits: HTTPLimits

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, debouncer: Debouncer = Debouncer(),
                    limits: HTTPLimits = HTTPLimits()) {
            self.build = build
            self.host = host
            self.port = port
            self.debouncer = debouncer
            self.limits = limits
        }
    }

    /// One build's outcome, as the terminal and the browser see it.
    public struct BuildEvent: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var pageCount: Int
        public var milliseconds: Int
        /// The pages rendered (the others were taken unchanged from the build before).
        public var renderedCount = 0
        /// How long each stage took, in milliseconds (for `--verbose`).
        public var timings: [(stage: String, milliseconds: Double)] = []
        /// The site's path prefix (`/portfolio/`), when the build read it.
        public var root: String?
    }

    public let options: Options
    let state: SiteState
    let reloads = ReloadBroadcaster()
    /// The builds, each after the first taking from the last what the changed files left as it was.
    let session: SiteSession
    private let server: HTTPServer

    /// Claims the address and port at once (so a port in use is reported before any build); requests
    /// wait until `start()`.
    public init(options: Options) throws(ServeError) {
        self.options = options
        state = SiteState(output: URL(fileURLWithPath: options.build.outputDirectory).standardizedFileURL)
        session = SiteSession(options: options.build)
        server = try HTTPServer(host: options.host, port: options.port, limits: options.limits)
    }

    /// Builds once, shows the outcome, and tells open pages to reload. `changed`: the paths that changed
    /// since the last build, or nil when anything may have.
    @discardableResult
    public func rebuild(changed: [String]? = nil) async -> BuildEvent {
        let event = await build(changed: changed)
        show(event)
        return event
    }

    /// Builds once without showing the outcome yet.
    func build(changed: [String]?) async -> BuildEvent {
        let session = self.session
        let state = self.state
        return await Task.detached { () -> BuildEvent in
            let start = DispatchTime.now()
            state.buildStarted()
            defer { state.buildFinished() }
            func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000) }
            do throws(BuildFailure) {
                let report = try session.build(changed: changed)
                return BuildEvent(diagnostics: report.warnings, succeeded: true, pageCount: report.pageCount, milliseconds: elapsed(),
                                  renderedCount: report.pageCount - report.reusedPages, timings: report.timings,
                                  root: report.content.config.baseURL.root)
            } catch {
                return BuildEvent(diagnostics: error.diagnostics, succeeded: false, pageCount: 0, milliseconds: elapsed())
            }
        }.value
    }

    func show(_ event: BuildEvent) {
        state.show(event, root: event.root ?? rootPath())
        reloads.send()
    }

    /// The base URL's path, read from site.yml through a quick parse, so `/portfolio/` sites serve under it.
    private func rootPath() -> String? {
        if let override = options.build.baseURL { return BaseURL(override)?.root }
        let path = options.build.contentDirectory + "/site.yml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return SiteConfig.parse(text, path: path).0?.baseURL.root
    }

    /// Starts answering requests; returns the address pages are served at.
    public func start() throws(ServeError) -> URL {
        let handler = PreviewHandler(state: state, reloads: reloads, hosts: AllowedHosts(host: options.host, port: server.port))
        server.start { handler.answer($0) }
        let host = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        guard let url = URL(string: "http://\(host):\(server.port)\(state.root)") else {
            throw ServeError(message: "`\(options.host)` cannot be part of an address", hint: "use an address such as 127.0.0.1")
        }
        return url
    }

    /// Stops serving at once: the listening socket and every connection are closed.
    public func stop() {
        server.stop()
    }

    static func now() -> Double { Socket.now() }
}
