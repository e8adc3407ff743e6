import Foundation
import Testing
@testable import CallsheetServer
#if canImport(Glibc)
import Glibc
#endif

/// The pieces of the preview's HTTP layer, without a site.
@Suite struct HTTPServerTests {
    /// What a reader makes of `bytes` sent on one end of a socket pair (closed after sending).
    static func read(_ bytes: String, limits: HTTPLimits = HTTPLimits(), count: Int = 1) -> [HTTPRequestReader.Outcome] {
        var ends: [Int32] = [0, 0]
        _ = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends)
        defer { close(ends[0]) }
        let writer = ends[1]
        let payload = Array(bytes.utf8)
        Thread {
            Socket.send(writer, payload)
            shutdown(writer, Int32(SHUT_WR))
            Thread.sleep(forTimeInterval: 2)
            close(writer)
        }.start()
        var reader = HTTPRequestReader(descriptor: ends[0], limits: limits)
        return (0..<count).map { _ in reader.next() }
    }

    static func status(_ outcome: HTTPRequestReader.Outcome) -> String {
        switch outcome {
        case .request(let request): return "\(request.method) \(request.target)"
        case .refused(let status): return "\(status.code)"
        case .closed: return "closed"
        }
    }

    @Test func pipelinedRequestsAreReadOneByOne() {
        let outcomes = Self.read("GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /b?q=1 HTTP/1.1\nHost: x\n\n", count: 3)
        #expect(outcomes.map(Self.status) == ["GET /a", "HEAD /b?q=1", "closed"])
        if case .request(let request) = outcomes[1] {
            #expect(request.header("host") == "x")
            #expect(request.path == "/b")
        }
    }

    @Test(arguments: [
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"),
        ("GET /" + String(repeating: "a", count: 9000), "414"),  // refused before the line even ends
        ("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "b", count: 40_000) + "\r\n\r\n", "431"),
        ("GET / HTTP/1.1\r\n" + String(repeating: "X-Many: 1\r\n", count: 150) + "\r\n", "431"),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", "400"),
        ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
        ("GET / HTTP/1.1\r\nNo colon here\r\n\r\n", "400"),
        ("GET / HTTP/1.1\r\nHo", "closed"),
        (String(repeating: "\r\n", count: 10_000), "414"),  // blank lines before a request count too
        // Two lengths, or two hosts: read as no body, the body was a second request on the connection.
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 28\r\n\r\nGET /x HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n", "400"),
    ])
    func requestsBeyondTheLimitsAreRefused(bytes: String, expected: String) {
        #expect(Self.status(Self.read(bytes)[0]) == expected)
    }

    @Test func aRequestThatDoesNotArriveInTimeIsRefused() {
        var ends: [Int32] = [0, 0]
        _ = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends)
        defer { close(ends[0]); close(ends[1]) }
        Socket.send(ends[1], Array("GET / HTTP/1.1\r\nHost".utf8))
        var reader = HTTPRequestReader(descriptor: ends[0], limits: HTTPLimits(requestTimeout: 0.3))
        let start = Socket.now()
        #expect(Self.status(reader.next()) == "408")
        #expect(Socket.now() - start < 1)
    }

    @Test func theWebSocketHandshakeAnswersAsRFC6455Shows() throws {
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.digest([]).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let request = HTTPRequest(method: "GET", target: "/", version: "HTTP/1.1", headers: [
            ("host", "x"), ("upgrade", "websocket"), ("connection", "keep-alive, Upgrade"),
            ("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ=="), ("sec-websocket-version", "13"),
        ])
        let response = try #require(WebSocket.handshake(for: request))
        #expect(response.headers.contains { $0 == ("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") })
    }

    @Test(arguments: [
        ("127.0.0.1:8000", true), ("localhost:8000", true), ("LOCALHOST:8000", true), ("[::1]:8000", true),
        ("127.0.0.1:8001", false), ("127.0.0.1", false), ("evil.example:8000", false), ("evil.example", false),
        ("127.0.0.1.evil.example:8000", false), ("localhost:8000@evil", false), ("192.168.1.5:8000", false), ("", false),
    ])
    func onlyThisServersNamesAreAnswered(host: String, allowed: Bool) {
        #expect(AllowedHosts(host: "127.0.0.1", port: 8000).allows(host: host) == allowed)
    }

    @Test func theHostGivenAndAnyAddressWhenListeningOnAllAreAnswered() {
        #expect(AllowedHosts(host: "preview.test", port: 80).allows(host: "preview.test"))
        #expect(AllowedHosts(host: "::1", port: 9000).allows(host: "[::1]:9000"))
        #expect(AllowedHosts(host: "0.0.0.0", port: 8000).allows(host: "192.168.1.5:8000"))
        #expect(!AllowedHosts(host: "0.0.0.0", port: 8000).allows(host: "rebind.evil.example:8000"))
        let hosts = AllowedHosts(host: "127.0.0.1", port: 8000)
        #expect(hosts.allows(origin: "http://127.0.0.1:8000"))
        #expect(hosts.allows(origin: "http://localhost:8000"))
        #expect(!hosts.allows(origin: "http://evil.example:8000"))
        #expect(!hosts.allows(origin: "https://127.0.0.1:8000"))
        #expect(!hosts.allows(origin: "null"))
    }
}
