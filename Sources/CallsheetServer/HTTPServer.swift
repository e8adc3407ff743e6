import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server for the preview. Each connection is read and answered on a thread of its
/// own, outside Swift's shared pool of threads, so no client (slow, huge or stuck) can hold up another
/// connection, a rebuild or a stop; `HTTPRequestReader` bounds what each one may send.
final class HTTPServer: @unchecked Sendable {
    /// What the handler makes of a request.
    enum Answer {
        case response(HTTPResponse)
        /// Switch to a WebSocket after sending the response; the closure owns the socket until it returns.
        case webSocket(HTTPResponse, @Sendable (WebSocket) -> Void)
    }

    typealias Handler = @Sendable (HTTPRequest) -> Answer

    /// The port actually listened on (the one picked when 0 was asked for).
    let port: UInt16
    let limits: HTTPLimits
    private let listener: Int32
    private let wake: [Int32]
    private let lock = NSLock()
    private var connections = Set<Int32>()
    private var isStopped = false
    private var isAccepting = false

    /// Listens on `host` (an address or a name such as `localhost`) and `port`; requests wait until `start`.
    init(host: String, port: UInt16, limits: HTTPLimits) throws(ServeError) {
        (listener, self.port) = try Self.listen(host: host, port: port)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(listener)
            throw ServeError(message: "cannot start the server: \(String(cString: strerror(errno)))")
        }
        wake = pipeEnds
        self.limits = limits
        signal(SIGPIPE, SIG_IGN)  // a client that goes away mid-answer is an error to handle, not a reason to quit
    }

    /// Starts answering, each connection on its own thread.
    func start(_ handler: @escaping Handler) {
        let go = lock.withLock { () -> Bool in
            guard !isStopped, !isAccepting else { return false }
            isAccepting = true
            return true
        }
        guard go else { return }
        let thread = Thread { [self] in acceptConnections(handler) }
        thread.name = "callsheet-accept"
        thread.start()
    }

    /// Stops listening and ends every open connection at once.
    func stop() {
        let accepting = lock.withLock { () -> Bool in
            guard !isStopped else { return false }
            isStopped = true
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
            // Refuses new connections now; the accepting thread closes the socket as it ends.
            if isAccepting { shutdown(listener, Int32(SHUT_RDWR)) }
            return isAccepting
        }
        if accepting {
            var byte: UInt8 = 0
            _ = write(wake[1], &byte, 1)
        } else {
            closeListener()
        }
    }

    deinit {
        // Never started and never stopped: nothing else closes these.
        if !isAccepting, !isStopped { closeListener() }
    }

    private func closeListener() {
        close(listener)
        close(wake[0])
        close(wake[1])
    }

    private func acceptConnections(_ handler: @escaping Handler) {
        defer { closeListener() }
        var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
        while true {
            entries[0].revents = 0
            entries[1].revents = 0
            if poll(&entries, 2, -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if entries[1].revents != 0 || lock.withLock({ isStopped }) { return }
            let connection = accept(listener, nil, nil)
            if connection < 0 { continue }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            let admitted = lock.withLock { () -> Bool in
                guard !isStopped, connections.count < limits.connections else { return false }
                connections.insert(connection)
                return true
            }
            guard admitted else {
                Socket.setSendTimeout(connection, seconds: 0.1)
                Socket.send(connection, HTTPResponse.text(.serviceUnavailable, "Too many connections at once.").encoded(closing: true))
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection, with: handler)
                lock.withLock { _ = connections.remove(connection) }
                close(connection)
            }
            thread.name = "callsheet-connection"
            thread.start()
        }
    }
}
