import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client for server tests, so that requests reach the server exactly as written
/// (long lines, wrong hosts, half requests) and the answer is read as sent.
final class RawClient: Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let descriptor: Int32

    init(port: UInt16, timeout: Double = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    /// Sends bytes; false once the server no longer takes them.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Everything until the server closes the connection (or the timeout passes).
    func readAll() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// Reads until the end of one response head and its `Content-Length` body.
    func readResponse() -> Response? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let response = Self.parse(data) { return response }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return Self.parse(data, complete: true) }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Whether the server has closed the connection (end of stream within `timeout` seconds).
    func isClosedByServer(within timeout: Double) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(timeout * 1000)) > 0 else { return false }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, Int32(MSG_PEEK)) <= 0
    }

    static func parse(_ data: [UInt8], complete: Bool = false) -> Response? {
        let raw = String(decoding: data, as: UTF8.self)
        guard let split = raw.range(of: "\r\n\r\n") else { return nil }
        let head = raw[..<split.lowerBound].split(separator: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        let body = Array(raw[split.upperBound...].utf8)
        if let length = headers["content-length"].flatMap(Int.init) {
            guard body.count >= length || complete else { return nil }
        } else if !complete, status != 101 {
            return nil
        }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// One request with `Connection: close` and its response.
    static func request(_ method: String, _ path: String, port: UInt16, headers: [String]? = nil) throws -> Response {
        let client = try RawClient(port: port)
        let lines = headers ?? ["Host: 127.0.0.1:\(port)"]
        client.send("\(method) \(path) HTTP/1.1\r\n" + lines.map { $0 + "\r\n" }.joined() + "Connection: close\r\n\r\n")
        guard let response = client.readResponse() else { throw POSIXError(.EBADMSG) }
        return response
    }

    /// `body` on a thread of its own: blocking calls must not hold the threads Swift's tasks run on.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
