import Foundation

/// Tells every open page to reload.
final class ReloadBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var sockets: [ObjectIdentifier: WebSocket] = [:]
    private var testListeners: [AsyncStream<String>.Continuation] = []

    /// Sends reloads to `socket` until it closes.
    func serve(_ socket: WebSocket) {
        lock.withLock { sockets[ObjectIdentifier(socket)] = socket }
        socket.run()
        lock.withLock { sockets[ObjectIdentifier(socket)] = nil }
    }

    var count: Int { lock.withLock { sockets.count } }

    /// For tests: hears every reload as the sockets do.
    func addTestListener(_ continuation: AsyncStream<String>.Continuation) {
        lock.withLock { testListeners.append(continuation) }
    }

    func send() {
        let (sockets, listeners) = lock.withLock { (Array(self.sockets.values), testListeners) }
        for socket in sockets { socket.send("reload") }
        for listener in listeners { listener.yield("reload") }
    }
}
