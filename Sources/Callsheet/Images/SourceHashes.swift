import Foundation

/// The content hash of each source image, remembered with the file's size, modification time and inode
/// (as git's index does), so a build where nothing changed hashes nothing. A file whose stat differs is
/// read and hashed again.
final class SourceHashes: @unchecked Sendable {
    static let fileName = "sources.json"

    private struct Stamp: Codable, Equatable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64
    }

    private struct Known: Codable {
        var stamp: Stamp
        var hash: String
    }

    private let file: URL
    private let lock = NSLock()
    private var known: [String: Known]
    private var changed = false

    /// The hashes remembered in `folder` (none when it has none yet).
    init(folder: URL) {
        file = folder.appendingPathComponent(Self.fileName)
        let data = FileManager.default.contents(atPath: file.path)
        known = data.flatMap { try? JSONDecoder().decode([String: Known].self, from: $0) } ?? [:]
    }

    /// The SHA-256 of the file at `url`, and its bytes when they had to be read. Nil when it cannot be read.
    func hash(of url: URL) -> (hash: String, bytes: [UInt8]?)? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        let stamp = Stamp(size: Int64(status.st_size), seconds: Int64(status.st_mtim.tv_sec),
                          nanoseconds: Int64(status.st_mtim.tv_nsec), inode: UInt64(status.st_ino))
        if let entry = lock.withLock({ known[url.path] }), entry.stamp == stamp { return (entry.hash, nil) }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        let hash = VipsImage.sha256(bytes)
        lock.withLock {
            known[url.path] = Known(stamp: stamp, hash: hash)
            changed = true
        }
        return (hash, bytes)
    }

    /// Writes the hashes back, keeping only the files of `paths` (so the list does not grow forever).
    func save(keeping paths: Set<String>) {
        lock.withLock {
            let kept = known.filter { paths.contains($0.key) }
            guard changed || kept.count != known.count else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            guard let data = try? encoder.encode(kept) else { return }
            let staging = file.deletingLastPathComponent().appendingPathComponent(".\(Self.fileName).\(UUID().uuidString)")
            if (try? data.write(to: staging)) != nil, rename(staging.path, file.path) != 0 {
                try? FileManager.default.removeItem(at: staging)
            }
        }
    }
}
