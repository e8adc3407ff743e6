#if os(Linux)
import Foundation
import Glibc

/// Watches folders recursively through Linux inotify. New folders are watched as they appear; when the
/// kernel's queue overflows, an `.overflow` asks for a full rebuild and every folder is watched anew.
public struct InotifyWatcher: FileWatcher {
    public init() {}

    public func changes(in folders: [String]) throws -> AsyncStream<FileChange> {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(message: "cannot watch files: \(String(cString: strerror(errno)))") }
        let watches = WatchTable(descriptor: descriptor)
        for folder in folders {
            watches.addRecursively(folder)
            watches.watchParent(of: folder)
        }
        return AsyncStream { continuation in
            let thread = Thread {
                Self.readEvents(descriptor: descriptor, watches: watches, folders: folders, continuation: continuation)
            }
            thread.name = "callsheet-inotify"
            continuation.onTermination = { _ in
                watches.stop()
            }
            thread.start()
        }
    }

    private static func readEvents(descriptor: Int32, watches: WatchTable, folders: [String],
                                   continuation: AsyncStream<FileChange>.Continuation) {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer {
            buffer.deallocate()
            close(descriptor)
            continuation.finish()
        }
        while !watches.isStopped {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 200)
            if ready <= 0 { continue }
            let count = read(descriptor, buffer, size)
            if count <= 0 { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameLength = Int(event.len)
                var name = ""
                if nameLength > 0 {
                    let start = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                    name = String(cString: start)
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    for folder in folders { watches.addRecursively(folder) }
                    continuation.yield(.overflow)
                    continue
                }
                // A watched folder replaced by another of its name (a copy moved into place): the old one's
                // watches lead nowhere, so the new one is watched, and anything may have changed.
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let root = watches.root(named: name, inParent: event.wd) {
                    watches.addRecursively(root)
                    continuation.yield(.overflow)
                    continue
                }
                guard let folder = watches.folder(for: event.wd) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    watches.addRecursively(path)
                }
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                continuation.yield(.changed(path))
            }
        }
    }
}

struct WatchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// inotify watch descriptors and the folders they watch, shared by the reading thread.
private final class WatchTable: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private var stopped = false
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    var isStopped: Bool { lock.withLock { stopped } }

    func stop() { lock.withLock { stopped = true } }

    func folder(for watch: Int32) -> String? { lock.withLock { folders[watch] } }

    /// Watched roots by the watch on their parent folder: their names there, and their paths.
    private var parents: [Int32: [(name: String, path: String)]] = [:]

    /// Watches the folder that holds `folder` for a folder of its name coming (added to what that folder's
    /// watch already asks for, should it be watched itself).
    func watchParent(of folder: String) {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = url.deletingLastPathComponent().path, name = url.lastPathComponent
        let watch = inotify_add_watch(descriptor, parent, UInt32(IN_CREATE | IN_MOVED_TO) | UInt32(IN_MASK_ADD))
        guard watch >= 0 else { return }
        lock.withLock { parents[watch, default: []].append((name, folder)) }
    }

    /// The watched root named `name` in the folder that `watch` watches, if any.
    func root(named name: String, inParent watch: Int32) -> String? {
        lock.withLock { parents[watch]?.first { $0.name == name }?.path }
    }

    func addRecursively(_ folder: String, depth: Int = 0) {
        guard depth < 32 else { return }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { return }
        lock.withLock { folders[watch] = folder }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            if !isLink, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                addRecursively(path, depth: depth + 1)
            }
        }
    }
}
#endif
