import Foundation
import Testing
@testable import CallsheetServer
#if canImport(Glibc)
import Glibc
#endif

/// Reload sockets on socket pairs: what a client that reads slowly, pings big or never leaves can do.
/// One test at a time: each closes descriptors that its server threads also close, and a number reused by
/// another test at once would be closed under it.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ReloadSocketTests {
    /// A socket pair: the server's end served as a reload socket on a thread of its own, and the client's end.
    /// `finish` closes the client's end and waits for the server's thread to close its own, so no descriptor
    /// number is closed after the next test has it.
    static func open(_ reloads: ReloadBroadcaster) -> (client: Int32, socket: WebSocket, finish: () -> Void) {
        var ends: [Int32] = [0, 0]
        _ = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends)
        let socket = WebSocket(descriptor: ends[0], buffered: [])
        let server = ends[0], client = ends[1]
        let done = DispatchSemaphore(value: 0)
        Thread { reloads.serve(socket); close(server); done.signal() }.start()
        return (client, socket, { shutdown(client, Int32(SHUT_RDWR)); done.wait(); close(client) })
    }

    /// Whether the client's end sees the connection end within `seconds`.
    static func ends(_ client: Int32, within seconds: Double) -> Bool {
        let deadline = Socket.now() + seconds
        var buffer: [UInt8] = []
        while Socket.now() < deadline {
            guard Socket.waitReadable(client, until: deadline) else { return false }
            if Socket.read(client, into: &buffer) == nil { return true }
        }
        return false
    }

    /// A big ping's answer read a byte at a time held the socket (and every reload after it) for as long as
    /// the client liked: past the frame deadline the client is let go, and a reload to the others is not held up.
    @Test func aClientThatNeverReadsItsPingsAnswersIsLetGo() throws {
        let reloads = ReloadBroadcaster()
        let slow = Self.open(reloads), other = Self.open(reloads)
        defer { slow.finish(); other.finish() }
        let payload = [UInt8](repeating: 0x41, count: 65_536)
        let ping: [UInt8] = [0x89, 0x80 | 127] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) } + [0, 0, 0, 0] + payload
        // More answers than the socket buffers hold: the server's answer blocks, as it did for a trickle reader.
        let client = slow.client
        let sent = DispatchSemaphore(value: 0)
        Thread {
            for _ in 0..<40 { if !Socket.send(client, ping, deadline: Socket.now() + 5) { break } }
            sent.signal()
        }.start()
        defer { sent.wait() }
        Thread.sleep(forTimeInterval: 0.5)
        let start = Socket.now()
        reloads.send()
        #expect(Socket.now() - start < 0.5)
        var got: [UInt8] = []
        #expect(Socket.waitReadable(other.client, until: Socket.now() + 1) && Socket.read(other.client, into: &got) != nil)
        #expect(got == [0x81, 6] + Array("reload".utf8))
        // Past the frame deadline the slow client's connection ends: what it then reads comes to an end.
        Thread.sleep(forTimeInterval: WebSocket.frameDeadline + 0.5)
        var drained: [UInt8] = []
        let deadline = Socket.now() + 5
        var ended = false
        while Socket.now() < deadline, Socket.waitReadable(slow.client, until: deadline) {
            if Socket.read(slow.client, into: &drained) == nil { ended = true; break }
        }
        #expect(ended)
        #expect(drained.count < 40 * (payload.count + 10))
    }

    /// A ping of 65,536 bytes was answered with a length field of 0.
    @Test func aLongPingsAnswerSaysItsLength() throws {
        let reloads = ReloadBroadcaster()
        let end = Self.open(reloads)
        defer { end.finish() }
        let payload = [UInt8](repeating: 0x42, count: 65_536)
        let ping: [UInt8] = [0x89, 0x80 | 127] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) } + [0, 0, 0, 0] + payload
        #expect(Socket.send(end.client, ping))
        var got: [UInt8] = []
        while got.count < 10 + payload.count, Socket.waitReadable(end.client, until: Socket.now() + 2), Socket.read(end.client, into: &got) != nil {}
        #expect(Array(got.prefix(10)) == [0x8A, 127, 0, 0, 0, 0, 0, 1, 0, 0])
        #expect(got.count == 10 + payload.count)
    }

    /// Idle reload sockets took every connection the server takes; past the limit the oldest is let go.
    @Test func pastTheLimitTheOldestReloadSocketIsLetGo() throws {
        let reloads = ReloadBroadcaster()
        let first = Self.open(reloads)
        // Its thread registers it: only then is it surely the oldest.
        let registered = Socket.now() + 2
        while reloads.count < 1, Socket.now() < registered { Thread.sleep(forTimeInterval: 0.005) }
        var others: [(client: Int32, socket: WebSocket, finish: () -> Void)] = []
        defer { first.finish(); others.forEach { $0.finish() } }
        for _ in 0..<ReloadBroadcaster.limit { others.append(Self.open(reloads)) }
        #expect(Self.ends(first.client, within: 2))
        Thread.sleep(forTimeInterval: 0.2)
        #expect(reloads.count == ReloadBroadcaster.limit)
    }
}
