/// Decides when a burst of file events is over: one save is often several events (write, rename,
/// attribute change), and they should cause one rebuild, soon after the last of them.
public struct Debouncer: Sendable {
    /// How long the files must be quiet before a rebuild, in seconds.
    public var quiet: Double
    /// The longest a rebuild waits for a burst to end, so a stream of events cannot hold it off forever.
    public var longest: Double

    /// After a build that fails, how long to wait for the rest of a save before trying once more and
    /// showing the errors, in seconds (0: show them at once).
    public var retry: Double

    public init(quiet: Double = 0.02, longest: Double = 0.3, retry: Double = 0.25) {
        self.quiet = quiet
        self.longest = longest
        self.retry = retry
    }

    /// Whether to rebuild now, given when the burst began and when its last event came.
    public func shouldFire(now: Double, firstEvent: Double, lastEvent: Double) -> Bool {
        now - lastEvent >= quiet || now - firstEvent >= longest
    }

    /// The first moment `shouldFire` is true for a burst with no further events.
    public func fireTime(firstEvent: Double, lastEvent: Double) -> Double {
        min(lastEvent + quiet, firstEvent + longest)
    }
}
