import Foundation
import Testing
@testable import Callsheet
@testable import CallsheetServer
#if canImport(Glibc)
import Glibc
#endif

extension ServeSuites {
    /// What an attack on `serve` found (issue 10): huge and slow requests, other sites' names and pages,
    /// stops, and pages that vanish during a rebuild.
    @Suite struct PreviewServerAttackTests {
        static func fetch(_ path: String, port: UInt16, headers: [String]? = nil) async throws -> RawClient.Response {
            try await PreviewServerTests.fetch("GET", path, port: port, headers: headers)
        }

        static func seconds(since start: Double) -> Double { Socket.now() - start }

        /// A request whose line is `length` bytes long; returns its answer.
        static func longLine(_ length: Int, port: UInt16) throws -> RawClient.Response? {
            let client = try RawClient(port: port)
            client.send("GET /" + String(repeating: "a", count: length) + " HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            return client.readResponse()
        }

        @Test func longRequestLinesAreRefusedAtOnceAndHoldUpNoOtherRequest() async throws {
            try await PreviewServerTests.withServer { _, port, _ in
                let start = Socket.now()
                async let first = RawClient.onThread { try Self.longLine(1_000_000, port: port) }
                async let second = RawClient.onThread { try Self.longLine(1_000_000, port: port) }
                try await Task.sleep(nanoseconds: 20_000_000)
                let asked = Socket.now()
                let home = try await Self.fetch("/", port: port)
                #expect(home.status == 200)
                #expect(Self.seconds(since: asked) < 2, "a normal request waited behind two huge ones")
                let answers = try await [first, second]
                #expect(answers.map { $0?.status } == [414, 414])
                #expect(Self.seconds(since: start) < 4)
                let medium = try await RawClient.onThread { try Self.longLine(40_000, port: port) }
                #expect(medium?.status == 414)
            }
        }

        @Test func hugeHeadersAreRefused() async throws {
            try await PreviewServerTests.withServer { _, port, _ in
                let big = try await Self.fetch("/", port: port, headers: ["Host: 127.0.0.1:\(port)", "X-Big: " + String(repeating: "b", count: 200_000)])
                #expect(big.status == 431)
                let many = try await Self.fetch("/", port: port, headers: ["Host: 127.0.0.1:\(port)"] + Array(repeating: "X-Many: 1", count: 500))
                #expect(many.status == 431)
            }
        }

        @Test func slowClientsAreCutOffAndHoldUpNoOtherRequest() async throws {
            try await PreviewServerTests.withServer(limits: HTTPLimits(requestTimeout: 1)) { _, port, _ in
                let start = Socket.now()
                // One sends a byte every 50 ms, forever; fifty more send half a request and stop; one sends nothing.
                let trickle = try RawClient(port: port)
                let trickling = Thread {
                    for byte in ("GET / HTTP/1.1\r\n" + String(repeating: "X", count: 100)).utf8 {
                        guard trickle.send([byte]) else { return }
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                }
                trickling.start()
                let halves = try (0..<50).map { _ in try RawClient(port: port) }
                for client in halves { client.send("GET / HTTP/1.1\r\nHost: 127.") }
                let silent = try RawClient(port: port)

                let asked = Socket.now()
                #expect(try await Self.fetch("/faq/", port: port).status == 200)
                #expect(Self.seconds(since: asked) < 0.9, "a normal request waited behind slow ones")

                let cutOff = try await RawClient.onThread { trickle.readResponse()?.status }
                #expect(cutOff == 408)
                #expect(Self.seconds(since: start) < 2.5, "the request took \(Self.seconds(since: start)) s to be refused")
                #expect(halves.map { $0.readResponse()?.status } == Array(repeating: 408, count: 50))
                #expect(silent.isClosedByServer(within: 2))
            }
        }

        @Test func onlyRequestsUnderThisServersOwnNamesAreAnswered() async throws {
            try await PreviewServerTests.withServer { _, port, _ in
                #expect(try await Self.fetch("/", port: port, headers: ["Host: localhost:\(port)"]).status == 200)
                #expect(try await Self.fetch("/", port: port, headers: ["Host: [::1]:\(port)"]).status == 200)
                let rebound = try await Self.fetch("/", port: port, headers: ["Host: rebind.evil.example:\(port)"])
                #expect(rebound.status == 403)
                #expect(!rebound.body.contains("<html"))
                #expect(try await Self.fetch("/", port: port, headers: ["Host: 127.0.0.1:1"]).status == 403)
                #expect(try await Self.fetch("/", port: port, headers: []).status == 400)
            }
        }

        /// Opens a reload socket with these headers; returns the status of the answer.
        static func openReloadSocket(port: UInt16, origin: String?) throws -> (RawClient, Int?) {
            let client = try RawClient(port: port)
            var text = "GET \(LiveReload.path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            text += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            if let origin { text += "Origin: \(origin)\r\n" }
            client.send(text + "\r\n")
            return (client, client.readResponse()?.status)
        }

        @Test func reloadSocketsOpenOnlyToThePreviewsOwnPages() async throws {
            try await PreviewServerTests.withServer { server, port, _ in
                let (page, status) = try Self.openReloadSocket(port: port, origin: "http://127.0.0.1:\(port)")
                #expect(status == 101)
                #expect(try Self.openReloadSocket(port: port, origin: nil).1 == 101)
                #expect(try Self.openReloadSocket(port: port, origin: "http://evil.example").1 == 403)
                #expect(try Self.openReloadSocket(port: port, origin: "http://rebind.evil.example:\(port)").1 == 403)
                // The socket that opened hears a reload as a text frame.
                server.reloads.send()
                var frame = [UInt8](repeating: 0, count: 8)
                #expect(recv(page.descriptor, &frame, 8, 0) == 8)
                #expect(Array(frame) == [0x81, 6] + Array("reload".utf8))
            }
        }

        @Test func unknownMethodsAreNotAllowedAndOurDotFilesAreNotServed() async throws {
            try await PreviewServerTests.withServer { _, port, site in
                #expect(FileManager.default.fileExists(atPath: site.path("public/.callsheet")))
                let propfind = try await PreviewServerTests.fetch("PROPFIND", "/", port: port)
                #expect(propfind.status == 405)
                #expect(propfind.headers["allow"] == "GET, HEAD")
                #expect(!propfind.body.isEmpty)
                let marker = try await Self.fetch("/.callsheet", port: port)
                #expect(marker.status == 404)
                #expect(!marker.body.contains("written by Callsheet"))
            }
        }

        @Test func stopEndsEveryConnectionAtOnce() async throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            let server = try PreviewServer(options: .init(build: site.options(), port: 0))
            await server.rebuild()
            let port = UInt16(try server.start().port ?? 0)
            let (socket, status) = try Self.openReloadSocket(port: port, origin: nil)
            #expect(status == 101)
            let idle = try RawClient(port: port)
            idle.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            #expect(idle.readResponse()?.status == 200)
            let half = try RawClient(port: port)
            half.send("GET / HTTP/1.1\r\n")
            try await Task.sleep(nanoseconds: 50_000_000)
            let start = Socket.now()
            server.stop()
            #expect(Self.seconds(since: start) < 0.1)
            for client in [socket, idle, half] { #expect(client.isClosedByServer(within: 0.3)) }
            #expect(throws: (any Error).self) { try RawClient(port: port) }
        }

        @Test func aPortInUseIsFoundBeforeAnyBuild() throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            let first = try PreviewServer(options: .init(build: site.options(), port: 0))
            defer { first.stop() }
            let port = UInt16(try first.start().port ?? 0)
            #expect {
                _ = try PreviewServer(options: .init(build: site.options(), port: port))
            } throws: { error in
                (error as? ServeError)?.message == "the port \(port) is already in use on 127.0.0.1"
            }
        }

        @Test func aNameSuchAsLocalhostIsServedUnderThatName() async throws {
            try await PreviewServerTests.withServer(host: "localhost") { _, port, _ in
                let home = try await Self.fetch("/", port: port, headers: ["Host: localhost:\(port)"])
                #expect(home.status == 200)
            }
            let site = try TestSite.sample()
            defer { site.remove() }
            #expect {
                _ = try PreviewServer(options: .init(build: site.options(), host: "no-such-host.invalid", port: 0))
            } throws: { error in
                (error as? ServeError)?.message.hasPrefix("cannot listen on no-such-host.invalid: no address of that name") == true
            }
        }
    }
}
