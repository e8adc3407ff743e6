import Foundation
import Testing
@testable import Callsheet
@testable import CallsheetServer
#if canImport(Glibc)
import Glibc
#endif

@Suite struct StaticFilesTests {
    static let files: [String: StaticFiles.Entry] = ["index.html": .file, "faq": .folder, "faq/index.html": .file,
                                                     "assets/style.css": .file, "assets": .folder, "404.html": .file]

    static func resolve(_ path: String, prefix: String = "/") -> StaticFiles.Resolution {
        StaticFiles.resolve(path, prefix: prefix) { files[$0] ?? .none }
    }

    @Test(arguments: [
        ("/", StaticFiles.Resolution.file("index.html")),
        ("/faq/", .file("faq/index.html")),
        ("/faq", .redirect("/faq/")),
        ("/assets/style.css", .file("assets/style.css")),
        ("/nope/", .notFound),
        ("/nope", .notFound),
        ("/../etc/passwd", .badRequest),
        ("/faq/../../etc/passwd", .badRequest),
        ("/./index.html", .badRequest),
        ("/%2e%2e/etc/passwd", .notFound),
        ("/a\0b", .badRequest),
        ("/..\\etc", .badRequest),
        ("relative", .badRequest),
        ("//etc/passwd", .badRequest),
    ])
    func pathsResolveLikeAStaticHost(path: String, expected: StaticFiles.Resolution) {
        #expect(Self.resolve(path) == expected)
    }

    @Test func subPathSitesAreServedUnderTheirPath() {
        #expect(Self.resolve("/portfolio/faq/", prefix: "/portfolio/") == .file("faq/index.html"))
        #expect(Self.resolve("/portfolio", prefix: "/portfolio/") == .redirect("/portfolio/"))
        #expect(Self.resolve("/faq/", prefix: "/portfolio/") == .notFound)
    }

    @Test func symlinksOutOfTheOutputAreNotServed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-static-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site/leak.txt").path,
                                                   withDestinationPath: "../secret.txt")
        #expect(StaticFiles.entry("leak.txt", in: root.appendingPathComponent("site")) == .none)
    }

    @Test func theReloadScriptGoesBeforeTheEndOfTheBody() {
        let html = LiveReload.inject(into: "<html><body><p>Hi</p></body></html>")
        #expect(html.hasPrefix("<html><body><p>Hi</p><script>"))
        #expect(html.hasSuffix("</script>\n</body></html>"))
        #expect(LiveReload.inject(into: "<p>no body</p>").hasPrefix("<p>no body</p><script>"))
    }

    @Test(arguments: [
        (0.010, 0.000, 0.005, false),  // still in the burst
        (0.030, 0.000, 0.005, true),   // quiet long enough
        (0.310, 0.000, 0.300, true),   // a burst that never ends still rebuilds
    ])
    func bursts(now: Double, first: Double, last: Double, fires: Bool) {
        let debouncer = Debouncer(quiet: 0.02, longest: 0.3)
        #expect(debouncer.shouldFire(now: now, firstEvent: first, lastEvent: last) == fires)
        // The watch loop sleeps until this moment: the burst fires then, and not a moment before.
        let due = debouncer.fireTime(firstEvent: first, lastEvent: last)
        #expect(debouncer.shouldFire(now: due, firstEvent: first, lastEvent: last))
        #expect(!debouncer.shouldFire(now: due - 0.001, firstEvent: first, lastEvent: last))
    }

    /// The watch loop sleeps while nothing changes, rather than looking every few milliseconds: it wakes for
    /// a change, and for being stopped.
    @Test(.timeLimit(.minutes(1))) func theWatchLoopSleepsUntilAChangeOrAStop() async {
        let pending = PendingChanges()
        let waiting = Task { await pending.waitForChange() }
        try? await Task.sleep(nanoseconds: 20_000_000)
        await pending.note(.changed("content/faq.md"), now: 1.0)
        await waiting.value
        #expect(await pending.due(debouncer: Debouncer(quiet: 0.02, longest: 0.3)) == 1.02)
        let stopped = Task { await PendingChanges().waitForChange() }
        stopped.cancel()
        await stopped.value
        let stoppedLater = Task { await PendingChanges().waitForChange() }
        try? await Task.sleep(nanoseconds: 20_000_000)
        stoppedLater.cancel()
        await stoppedLater.value
    }

    @Test func theErrorPageEscapesWhatItShows() {
        let html = ErrorPage.html([.error("bad <script>", at: SourceLocation(path: "content/<x>.md", line: 2, column: 1))])
        #expect(html.contains("content/&lt;x&gt;.md:2:1"))
        #expect(html.contains("bad &lt;script&gt;"))
    }
}

/// The suites that run real servers and time them: one at a time, so that none of them slows another.
@Suite(.serialized) enum ServeSuites {}

extension ServeSuites {
    /// A real server on a free loopback port, serving a copy of the sample site.
    @Suite struct PreviewServerTests {
        static func fetch(_ method: String, _ path: String, port: UInt16, headers: [String]? = nil) async throws -> RawClient.Response {
            try await RawClient.onThread { try RawClient.request(method, path, port: port, headers: headers) }
        }

        static func withServer(host: String = "127.0.0.1", limits: HTTPLimits = HTTPLimits(), debouncer: Debouncer = Debouncer(),
                               _ body: (PreviewServer, UInt16, TestSite) async throws -> Void) async throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            let server = try PreviewServer(options: .init(build: site.options(), host: host, port: 0, debouncer: debouncer, limits: limits))
            defer { server.stop() }
            let first = await server.rebuild()
            #expect(first.succeeded)
            let url = try server.start()
            try await body(server, UInt16(url.port ?? 0), site)
        }

        @Test func servesPagesLikeAStaticHost() async throws {
            try await Self.withServer { _, port, _ in
                let home = try await Self.fetch("GET", "/", port: port)
                #expect(home.status == 200)
                #expect(home.headers["content-type"] == "text/html; charset=utf-8")
                #expect(home.headers["cache-control"] == "no-store")
                #expect(home.body.contains(LiveReload.path))
                let faq = try await Self.fetch("GET", "/faq", port: port)
                #expect(faq.status == 301)
                #expect(faq.headers["location"] == "/faq/")
                #expect(try await Self.fetch("GET", "/faq/", port: port).body.contains("Frequently Asked Questions"))
                let css = try await Self.fetch("GET", "/assets/style.css", port: port)
                #expect(css.headers["content-type"] == "text/css; charset=utf-8")
                let head = try await Self.fetch("HEAD", "/faq/", port: port)
                #expect(head.status == 200)
                #expect(head.body.isEmpty)
                #expect(Int(head.headers["content-length"] ?? "") ?? 0 > 1000)
                let missing = try await Self.fetch("GET", "/no-such-page/", port: port)
                #expect(missing.status == 404)
                #expect(missing.body.contains("Page not found") || missing.body.contains("not found"))
                #expect(try await Self.fetch("POST", "/", port: port).status == 405)
            }
        }

        @Test(arguments: ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd", "/..%2f..%2fetc/passwd",
                          "/assets/..%2f..%2f..%2fetc/passwd", "/%00", "/..\\..\\etc\\passwd"])
        func pathTraversalNeverLeavesTheOutput(path: String) async throws {
            try await Self.withServer { _, port, _ in
                let response = try await Self.fetch("GET", path, port: port)
                #expect(response.status == 400 || response.status == 404, "\(path) -> \(response.status)")
                #expect(!response.body.contains("root:"))
            }
        }

        @Test func aSaveRebuildsAndTellsPagesToReloadAndABrokenSaveShowsItsErrors() async throws {
            try await Self.withServer { server, port, site in
                let (messages, continuation) = AsyncStream<String>.makeStream()
                server.reloads.addTestListener(continuation)
                let watching = Task { try await server.watch { _ in } }
                defer { watching.cancel() }
                try await Task.sleep(nanoseconds: 200_000_000)
                var iterator = messages.makeAsyncIterator()

                let faq = try String(contentsOfFile: site.path("content/faq.md"), encoding: .utf8)
                try site.write(faq + "\nA brand new sentence.\n", to: "content/faq.md")
                #expect(await iterator.next() == "reload")
                #expect(try await Self.fetch("GET", "/faq/", port: port).body.contains("A brand new sentence."))

                try site.write(faq + "\n## A question without an answer?\n", to: "content/faq.md")
                #expect(await iterator.next() == "reload")
                let broken = try await Self.fetch("GET", "/faq/", port: port)
                #expect(broken.status == 500)
                #expect(broken.body.contains("this question has no answer"))
                #expect(broken.body.contains(LiveReload.path))
                #expect(site.read("faq/index.html")?.contains("A brand new sentence.") == true, "the last good output stays on disk")

                try site.write(faq, to: "content/faq.md")
                #expect(await iterator.next() == "reload")
                let fixed = try await Self.fetch("GET", "/faq/", port: port)
                #expect(fixed.status == 200)
                #expect(!fixed.body.contains("A brand new sentence."))
                #expect(site.read("faq/index.html")?.contains(LiveReload.path) == false, "the reload script stays out of the built site")

                // A folder made while serving is watched too.
                try FileManager.default.createDirectory(atPath: site.path("content/media/press"), withIntermediateDirectories: true)
                try await Task.sleep(nanoseconds: 100_000_000)
                try site.write("press kit", to: "content/media/press/kit.txt")
                #expect(await iterator.next() == "reload")
                var kit = try await Self.fetch("GET", "/media/press/kit.txt", port: port)
                if kit.status != 200, await iterator.next() == "reload" {  // the folder and the file may come as two rebuilds
                    kit = try await Self.fetch("GET", "/media/press/kit.txt", port: port)
                }
                #expect(kit.status == 200)
                #expect(kit.body == "press kit")
            }
        }

        @Test func fiftyConcurrentClientsGetCorrectResponses() async throws {
            try await Self.withServer { _, port, _ in
                let paths = ["/", "/faq/", "/about/", "/services/", "/contact/", "/assets/style.css", "/nope/"]
                let results = await withTaskGroup(of: (String, Int, Bool).self) { group in
                    for index in 0..<50 {
                        let path = paths[index % paths.count]
                        group.addTask {
                            let response = try? await Self.fetch("GET", path, port: port)
                            return (path, response?.status ?? 0, response.map { !$0.body.isEmpty } ?? false)
                        }
                    }
                    var all: [(String, Int, Bool)] = []
                    for await result in group { all.append(result) }
                    return all
                }
                #expect(results.count == 50)
                for (path, status, hasBody) in results {
                    #expect(status == (path == "/nope/" ? 404 : 200), "\(path) -> \(status)")
                    #expect(hasBody)
                }
            }
        }
    }
}
