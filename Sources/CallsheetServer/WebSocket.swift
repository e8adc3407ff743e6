import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reload socket (RFC 6455): the server sends text messages; the client's frames are read only to
/// answer pings and a close.
final class WebSocket: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private let lock = NSLock()
    private var isClosed = false

    init(descriptor: Int32, buffered: [UInt8]) {
        self.descriptor = descriptor
        buffer = buffered
    }

    /// The `101` answer to a valid opening handshake; nil when `request` is not one.
    static func handshake(for request: HTTPRequest) -> HTTPResponse? {
        guard request.method == "GET", request.header("upgrade", contains: "websocket"),
              request.header("connection", contains: "upgrade"), request.header("sec-websocket-version") == "13",
              let key = request.header("sec-websocket-key"), Data(base64Encoded: key)?.count == 16 else { return nil }
        let accept = Data(SHA1.digest(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
        var response = HTTPResponse(.switchingProtocols, type: "", body: Data())
        response.headers = [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept)]
        return response
    }

    /// Sends one text message; false once the socket is closed.
    @discardableResult
    func send(_ text: String) -> Bool {
        frame(opcode: 0x1, payload: Array(text.utf8))
    }

    /// Reads the client's frames until it closes or the connection ends.
    func run() {
        while let (opcode, payload) = nextFrame() {
            switch opcode {
            case 0x8:
                frame(opcode: 0x8, payload: Array(payload.prefix(2)))
                return
            case 0x9:
                frame(opcode: 0xA, payload: payload)
            default:
                continue
            }
        }
    }

    @discardableResult
    private func frame(opcode: UInt8, payload: [UInt8]) -> Bool {
        var bytes: [UInt8] = [0x80 | opcode]
        if payload.count < 126 {
            bytes.append(UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            bytes += [126, UInt8(truncatingIfNeeded: payload.count >> 8), UInt8(truncatingIfNeeded: payload.count)]
        } else {
            bytes.append(127)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        bytes += payload
        return lock.withLock {
            guard !isClosed else { return false }
            // A client that takes longer than this over one frame (a big ping's answer read a byte at a time) is
            // let go: it must not hold a reload, or the rebuild after it, for as long as it likes.
            if !Socket.send(descriptor, bytes, deadline: Socket.now() + Self.frameDeadline) {
                isClosed = true
                shutdown(descriptor, Int32(SHUT_RDWR))  // ends `run`, so its connection closes
            }
            return !isClosed
        }
    }

    /// The longest one frame may take to send, in seconds.
    static let frameDeadline = 2.0

    /// Ends the connection (its thread closes the descriptor).
    func close() {
        lock.withLock {
            isClosed = true
            shutdown(descriptor, Int32(SHUT_RDWR))
        }
    }

    /// The next whole frame from the client: nil when the connection ends or the client breaks the protocol.
    private func nextFrame() -> (opcode: UInt8, payload: [UInt8])? {
        guard let head = take(2) else { return nil }
        var length = Int(head[1] & 0x7F)
        guard head[1] & 0x80 != 0 else { return nil }  // clients must mask
        if length == 126 {
            guard let extended = take(2) else { return nil }
            length = Int(extended[0]) << 8 | Int(extended[1])
        } else if length == 127 {
            guard let extended = take(8), extended.prefix(5).allSatisfy({ $0 == 0 }) else { return nil }
            length = extended.suffix(3).reduce(0) { $0 << 8 | Int($1) }
        }
        guard length <= 64 * 1024, let mask = take(4), let data = take(length) else { return nil }
        let payload = data.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        return (head[0] & 0x0F, payload)
    }

    private func take(_ count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard Socket.waitReadable(descriptor, until: nil), Socket.read(descriptor, into: &buffer) != nil else { return nil }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer.prefix(count))
    }
}
