import Foundation

/// Tells every open page to reload.
final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var sockets: [ObjectIdentifier: WebSocket] = [:]
    private var testListeners: [AsyncStream<String>.Continuation] = []

    /// The order sockets opened in, oldest first.
    private var opened: [ObjectIdentifier] = []

    /// The most reload sockets open at once: a page that reloads opens a new one, so past this the oldest is
    /// let go, and reload sockets never fill every connection the server takes (256 idle ones locked pages out).
    static let limit = 64

    /// Sends reloads to `socket` until it closes.
    func serve(_ socket: WebSocket) {
        let id = ObjectIdentifier(socket)
        let oldest: WebSocket? = lock.withLock {
            sockets[id] = socket
            opened.append(id)
            guard opened.count > Self.limit else { return nil }
            return sockets[opened[0]]
        }
        oldest?.close()
        socket.run()
        lock.withLock {
            sockets[id] = nil
            opened.removeAll { $0 == id }
        }
    }

    var count: Int { lock.withLock { sockets.count } }

    /// For tests: hears every reload as the sockets do.
    func addTestListener(_ continuation: AsyncStream<String>.Continuation) {
        lock.withLock { testListeners.append(continuation) }
    }

    /// Tells every socket at once, each on its own: one that is slow to take it does not hold up the others, nor
    /// the rebuild loop that calls this (a client reading big pings' answers a byte at a time froze both).
    func send() {
        let (sockets, listeners) = lock.withLock { (Array(self.sockets.values), testListeners) }
        for socket in sockets { DispatchQueue.global().async { socket.send("reload") } }
        for listener in listeners { listener.yield("reload") }
    }
}
