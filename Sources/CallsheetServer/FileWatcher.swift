import Foundation

/// What happened in the watched folders.
public enum FileChange: Sendable, Equatable {
    /// Something changed at this path.
    case changed(String)
    /// The system dropped events: assume everything changed.
    case overflow
}

/// Watches folders recursively and reports changes. On Linux this is inotify; another system
/// plugs in its own (FSEvents on macOS) behind the same protocol.
public protocol FileWatcher: Sendable {
    /// Starts watching `folders` and returns the changes as they happen.
    func changes(in folders: [String]) throws -> AsyncStream<FileChange>
}

#if os(Linux)
/// The default watcher for this system.
public func makeFileWatcher() -> any FileWatcher { InotifyWatcher() }
#else
/// The default watcher for this system: polling modification times, until a native one is written.
public func makeFileWatcher() -> any FileWatcher { PollingWatcher() }
#endif

/// Compares the folders' files and modification times every 200 ms. Works everywhere; used where
/// no native watcher exists.
public struct PollingWatcher: FileWatcher {
    public init() {}

    public func changes(in folders: [String]) throws -> AsyncStream<FileChange> {
        AsyncStream { continuation in
            let task = Task.detached {
                var last = Self.snapshot(folders)
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: 200_000_000)
                    let now = Self.snapshot(folders)
                    if now != last {
                        continuation.yield(.changed(folders.first ?? ""))
                        last = now
                    }
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func snapshot(_ folders: [String]) -> [String: Date] {
        var times: [String: Date] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let path = enumerator.nextObject() as? String {
                let full = folder + "/" + path
                times[full] = (try? FileManager.default.attributesOfItem(atPath: full))?[.modificationDate] as? Date
            }
        }
        return times
    }
}
