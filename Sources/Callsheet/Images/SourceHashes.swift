import Foundation

/// The content hash of each source image, remembered with its file signature (inode, size, times, as
/// the output's copies are), so a build where nothing changed hashes nothing. A file whose signature
/// differs is read and hashed again.
final class SourceHashes: @unchecked Sendable {
    static let fileName = "sources.json"

    private let file: URL
    private let lock = NSLock()
    /// Path -> "signature fields" and hash.
    private var known: [String: [String]]
    private var changed = false

    /// The hashes remembered in `folder` (none when it has none yet).
    init(folder: URL) {
        file = folder.appendingPathComponent(Self.fileName)
        let data = FileManager.default.contents(atPath: file.path)
        known = data.flatMap { try? JSONDecoder().decode([String: [String]].self, from: $0) } ?? [:]
    }

    /// The SHA-256 of the file at `url`, and its bytes when they had to be read. Nil when it cannot be read.
    func hash(of url: URL) -> (hash: String, bytes: [UInt8]?)? {
        // Opened as the content is (no link followed), so what is hashed is what the listing saw.
        guard case .success(let opened) = SourceTree.open(url) else { return nil }
        defer { close(opened.descriptor) }
        let signature = FileSignature(opened.status).fields
        if let entry = lock.withLock({ known[url.path] }), entry.count == 2, entry[0] == signature { return (entry[1], nil) }
        guard case .success(let data) = SourceTree.readAll(opened.descriptor, sizeHint: Int(opened.status.st_size)) else { return nil }
        let bytes = [UInt8](data)
        let hash = SHA256.hex(bytes)
        lock.withLock {
            known[url.path] = [signature, hash]
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
