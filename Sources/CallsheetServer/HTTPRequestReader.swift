import Foundation

/// Reads requests off one connection, in time linear in what the client sends and never more than the
/// limits allow: a request line or headers that are too long are refused as soon as the limit is passed,
/// and a client that is too slow is given up on at the deadline.
struct HTTPRequestReader {
    enum Outcome {
        case request(HTTPRequest)
        /// The client sent something that cannot be answered normally: answer this and close.
        case refused(HTTPStatus)
        /// The client closed the connection, or was silent until the deadline.
        case closed
    }

    let descriptor: Int32
    let limits: HTTPLimits
    /// Bytes read but not used yet (the start of a pipelined request).
    private var buffer: [UInt8] = []

    init(descriptor: Int32, limits: HTTPLimits) {
        self.descriptor = descriptor
        self.limits = limits
    }

    /// The next request's line and headers.
    mutating func next() -> Outcome {
        let deadline = Socket.now() + limits.requestTimeout
        var scanned = 0, lineStart = 0
        var lines: [ArraySlice<UInt8>] = []
        while true {
            while scanned < buffer.count {
                let byte = buffer[scanned]
                scanned += 1
                guard byte == UInt8(ascii: "\n") else { continue }
                var line = buffer[lineStart..<(scanned - 1)]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                lineStart = scanned
                if line.isEmpty {
                    if lines.isEmpty { continue }  // empty lines before a request are allowed
                    buffer.removeFirst(scanned)
                    return HTTPRequest.parse(lines, limits: limits).map(Outcome.request) ?? .refused(.badRequest)
                }
                if lines.isEmpty, line.count > limits.requestLine { return .refused(.uriTooLong) }
                lines.append(line)
                if lines.count > limits.headerCount + 1 { return .refused(.headersTooLarge) }
                if let refusal = overLimit(lines: lines, pending: 0, total: scanned) { return .refused(refusal) }
            }
            if let refusal = overLimit(lines: lines, pending: scanned - lineStart, total: scanned) { return .refused(refusal) }
            guard Socket.waitReadable(descriptor, until: deadline) else {
                return buffer.allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) ? .closed : .refused(.requestTimeout)
            }
            guard Socket.read(descriptor, into: &buffer) != nil else { return .closed }
        }
    }

    /// The bytes read past the last request (for a protocol that takes the connection over).
    mutating func takeBuffered() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    /// The refusal due once `pending` bytes of an unfinished line follow `lines`, `total` bytes in all.
    private func overLimit(lines: [ArraySlice<UInt8>], pending: Int, total: Int) -> HTTPStatus? {
        if lines.isEmpty { return pending > limits.requestLine ? .uriTooLong : nil }
        let headerBytes = total - (lines[0].count + 2)
        return headerBytes > limits.headers ? .headersTooLarge : nil
    }
}

extension HTTPRequest {
    /// A request from its lines (the request line first); nil when they are not HTTP/1.x.
    static func parse(_ lines: [ArraySlice<UInt8>], limits: HTTPLimits) -> HTTPRequest? {
        guard let first = lines.first, first.count <= limits.requestLine else { return nil }
        let parts = first.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy(isTokenByte), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return nil }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
            headers.append((String(decoding: name, as: UTF8.self).lowercased(), value))
        }
        return HTTPRequest(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                           version: version, headers: headers)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
