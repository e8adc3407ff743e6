/// Decides when a burst of file events is over: one save is often several events (write, rename,
/// attribute change), and they should cause one rebuild, soon after the last of them.
public struct Debouncer: Sendable {
    /// How long the files must be quiet before a rebuild, in seconds.
    public var quiet: Double
    /// The longest a rebuild waits for a burst to end, so a stream of events cannot hold it off forever.
    public var longest: Double

    public init(quiet: Double = 0.02, longest: Double = 0.3) {
        self.quiet = quiet
        self.longest = longest
    }

    /// Whether to rebuild now, given when the burst began and when its last event came.
    public func shouldFire(now: Double, firstEvent: Double, lastEvent: Double) -> Bool {
        now - lastEvent >= quiet || now - firstEvent >= longest
    }
}
