/// How much a client may send, and for how long, before the server gives up on it.
public struct HTTPLimits: Sendable {
    /// The longest request line, in bytes (longer: 414).
    public var requestLine: Int
    /// The most bytes of headers (more: 431).
    public var headers: Int
    /// The most header lines (more: 431).
    public var headerCount: Int
    /// Seconds a client has to send a whole request once it starts, or to start one (then 408, or the connection is closed).
    public var requestTimeout: Double
    /// The most connections open at once, reload sockets included (more: 503).
    public var connections: Int

    public init(requestLine: Int = 8 * 1024, headers: Int = 32 * 1024, headerCount: Int = 100,
                requestTimeout: Double = 10, connections: Int = 256) {
        self.requestLine = requestLine
        self.headers = headers
        self.headerCount = headerCount
        self.requestTimeout = requestTimeout
        self.connections = connections
    }
}
