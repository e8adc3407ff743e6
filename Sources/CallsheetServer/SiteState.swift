import Callsheet
import Foundation

/// What the server shows: the output folder, the site's path prefix, the last build's errors, and
/// whether a build is under way (its swap may leave a moment when files are missing).
final class SiteState: @unchecked Sendable {
    let output: URL
    private let condition = NSCondition()
    private var currentRoot = "/"
    private var currentFailure: [Diagnostic]?
    private var started = 0
    private var finished = 0

    init(output: URL) {
        self.output = output
    }

    var root: String { condition.withLock { currentRoot } }
    var failure: [Diagnostic]? { condition.withLock { currentFailure } }

    /// Builds begun and ended so far.
    var builds: (started: Int, finished: Int) { condition.withLock { (started, finished) } }

    func buildStarted() { condition.withLock { started += 1 } }

    func buildFinished() {
        condition.withLock {
            finished += 1
            condition.broadcast()
        }
    }

    /// Whether a build ran at some moment since `builds` was read: a file missing then may be missing
    /// only while the output folder is being swapped.
    func mayHaveSwapped(since earlier: (started: Int, finished: Int)) -> Bool {
        let now = builds
        return earlier.started != earlier.finished || now.started != earlier.started
    }

    /// Waits until no build is under way (at most `timeout` seconds).
    func waitForBuilds(timeout: Double = 30) {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.withLock {
            while started != finished, condition.wait(until: deadline) {}
        }
    }

    func show(_ event: PreviewServer.BuildEvent, root: String?) {
        condition.withLock {
            currentFailure = event.succeeded ? nil : event.diagnostics
            if let root { currentRoot = root }
        }
    }
}
