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
                if let refusal = overLimit(lines: lines, total: scanned) { return .refused(refusal) }
            }
            if let refusal = overLimit(lines: lines, total: scanned) { return .refused(refusal) }
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

    /// The refusal due once `total` bytes have been read for a request that has `lines` so far (empty
    /// lines before the request line count as part of it).
    private func overLimit(lines: [ArraySlice<UInt8>], total: Int) -> HTTPStatus? {
        guard let first = lines.first else { return total > limits.requestLine + 2 ? .uriTooLong : nil }
        return total - (first.count + 2) > limits.headers ? .headersTooLarge : nil
    }
}
