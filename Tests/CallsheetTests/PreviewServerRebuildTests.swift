import Foundation
import Testing
@testable import Callsheet
@testable import CallsheetServer

extension ServeSuites {
    /// What clients see while the site is rebuilt: never a missing page, never a half-saved file's errors.
    @Suite struct PreviewServerRebuildTests {
        /// Counts of answers by status, shared by client threads.
        final class Tally: @unchecked Sendable {
            private let lock = NSLock()
            private var counts: [Int: Int] = [:]
            private var running = true

            func add(_ status: Int) { lock.withLock { counts[status, default: 0] += 1 } }
            var isRunning: Bool { lock.withLock { running } }
            func stop() { lock.withLock { running = false } }
            var all: [Int: Int] { lock.withLock { counts } }
        }

        @Test func pagesThatExistNeverAnswer404DuringRebuilds() async throws {
            try await PreviewServerTests.withServer { server, port, site in
                let tally = Tally()
                let paths = ["/", "/faq/", "/about/", "/services/", "/assets/style.css"]
                let clients = (0..<20).map { index in
                    Thread {
                        var client: RawClient?
                        var turn = index
                        while tally.isRunning {
                            if client == nil { client = try? RawClient(port: port) }
                            guard let open = client else { continue }
                            turn += 1
                            open.send("GET \(paths[turn % paths.count]) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
                            let response = open.readResponse()
                            tally.add(response?.status ?? 0)
                            if response?.headers["connection"] == "close" || response == nil { client = nil }
                            Thread.sleep(forTimeInterval: 0.02)  // leave the builds some of the machine
                        }
                    }
                }
                for client in clients { client.start() }
                let faq = try String(contentsOfFile: site.path("content/faq.md"), encoding: .utf8)
                for save in 0..<100 {
                    try site.write(faq + "\nEdit number \(save).\n", to: "content/faq.md")
                    #expect(await server.rebuild().succeeded)
                }
                tally.stop()
                try await Task.sleep(nanoseconds: 200_000_000)
                let counts = tally.all
                #expect(counts.keys.sorted() == [200], "answers by status: \(counts)")
                #expect(counts[200, default: 0] > 1000)
                print("answers during 100 rebuilds: \(counts)")
            }
        }

        @Test func anEditorThatEmptiesTheFileBeforeWritingItShowsNoError() async throws {
            try await PreviewServerTests.withServer { server, port, site in
                let events = Events()
                let watching = Task { try await server.watch { events.add($0) } }
                defer { watching.cancel() }
                try await Task.sleep(nanoseconds: 200_000_000)
                let faq = try String(contentsOfFile: site.path("content/faq.md"), encoding: .utf8)
                for delay in [30, 80, 150] {
                    let before = events.count
                    try site.write("", to: "content/faq.md")
                    try await Task.sleep(nanoseconds: UInt64(delay) * 1_000_000)
                    try site.write(faq + "\nSaved after \(delay) ms.\n", to: "content/faq.md")
                    let page = try await Self.waitForPage(port: port, containing: "Saved after \(delay) ms.")
                    #expect(page?.status == 200)
                    try await Task.sleep(nanoseconds: 400_000_000)
                    #expect(events.failures(since: before) == 0, "a save \(delay) ms after emptying the file showed an error")
                }
                // A file left empty is an error, shown once the wait is over.
                try site.write("", to: "content/faq.md")
                try await Task.sleep(nanoseconds: 900_000_000)
                #expect(try await PreviewServerTests.fetch("GET", "/faq/", port: port).status == 500)
            }
        }

        static func waitForPage(port: UInt16, containing text: String, path: String = "/faq/") async throws -> RawClient.Response? {
            for _ in 0..<100 {
                let page = try await PreviewServerTests.fetch("GET", path, port: port)
                if page.body.contains(text) { return page }
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            return nil
        }

        /// The builds a watch showed.
        final class Events: @unchecked Sendable {
            private let lock = NSLock()
            private var shown: [PreviewServer.BuildEvent] = []
            func add(_ event: PreviewServer.BuildEvent) { lock.withLock { shown.append(event) } }
            var count: Int { lock.withLock { shown.count } }
            func failures(since index: Int) -> Int { lock.withLock { shown[index...].filter { !$0.succeeded }.count } }
            var last: PreviewServer.BuildEvent? { lock.withLock { shown.last } }
        }

        @Test func aSaveToOnePageBodyRendersThatPageAloneAndTheBrowserGetsIt() async throws {
            try await PreviewServerTests.withServer { server, port, site in
                let events = Events()
                let watching = Task { try await server.watch { events.add($0) } }
                defer { watching.cancel() }
                try await Task.sleep(nanoseconds: 200_000_000)
                let service = try String(contentsOfFile: site.path("content/services/consent-workshops.md"), encoding: .utf8)
                for save in 0..<5 {
                    try site.write(service + "\nSaved body number \(save).\n", to: "content/services/consent-workshops.md")
                    let page = try await Self.waitForPage(port: port, containing: "Saved body number \(save).",
                                                         path: "/services/consent-workshops/")
                    #expect(page?.status == 200)
                    try await Task.sleep(nanoseconds: 100_000_000)
                    #expect(events.last?.renderedCount == 1, "save \(save) rendered \(events.last?.renderedCount ?? 0) pages")
                }
                // A front matter change reaches the lists that show it.
                try site.write(service.replacingOccurrences(of: "title: Consent and boundaries workshops", with: "title: Consent workshops, renamed"),
                               to: "content/services/consent-workshops.md")
                let list = try await Self.waitForPage(port: port, containing: "Consent workshops, renamed", path: "/services/")
                #expect(list?.status == 200)
            }
        }
    }
}
