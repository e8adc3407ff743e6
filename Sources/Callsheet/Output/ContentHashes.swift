import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file on disk is, as far as its status tells: when none of these change, its bytes have not
/// either. The change time is the part no tool can set back (`cp -p`, `rsync -t` and `tar` keep the
/// size and the modification time, but not it), and the inode tells a replaced file from an edited one.
struct FileSignature: Hashable, Sendable {
    var device: UInt64, inode: UInt64, size: Int64
    var modified: Int64, modifiedNanoseconds: Int64, changed: Int64, changedNanoseconds: Int64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
        modified = Int64(status.st_mtimespec.tv_sec); modifiedNanoseconds = Int64(status.st_mtimespec.tv_nsec)
        changed = Int64(status.st_ctimespec.tv_sec); changedNanoseconds = Int64(status.st_ctimespec.tv_nsec)
        #else
        modified = Int64(status.st_mtim.tv_sec); modifiedNanoseconds = Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec); changedNanoseconds = Int64(status.st_ctim.tv_nsec)
        #endif
    }

    init?(fields: [Substring]) {
        guard fields.count == 7, let device = UInt64(fields[0]), let inode = UInt64(fields[1]), let size = Int64(fields[2]),
              let modified = Int64(fields[3]), let modifiedNanoseconds = Int64(fields[4]), let changed = Int64(fields[5]),
              let changedNanoseconds = Int64(fields[6]) else { return nil }
        (self.device, self.inode, self.size) = (device, inode, size)
        (self.modified, self.modifiedNanoseconds, self.changed, self.changedNanoseconds) = (modified, modifiedNanoseconds, changed, changedNanoseconds)
    }

    var fields: String { "\(device) \(inode) \(size) \(modified) \(modifiedNanoseconds) \(changed) \(changedNanoseconds)" }
}

/// The content hash of every media source and every copy of one in the output, by file signature, kept
/// from build to build in the folder the next build writes into. A copy is skipped only when its hash is
/// its source's; a file whose signature is not here is read and hashed.
final class ContentHashes: @unchecked Sendable {
    static let fileName = ".callsheet-hashes"
    private static let lastLine = "end"

    private let lock = NSLock()
    private var entries: [FileSignature: (hash: UInt64, build: Int)] = [:]
    /// The number of this build: entries of this one and the one before are kept (the copies in the
    /// previous folder were made or checked by the build before this one).
    private let build: Int

    /// The hashes saved at `path` by an earlier build; none when the file is missing or cut short.
    init(loading path: String) {
        var loaded: [FileSignature: (hash: UInt64, build: Int)] = [:]
        var newest = 0
        if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix(Self.lastLine + "\n") {
            for line in text.split(separator: "\n").dropLast() {
                let fields = line.split(separator: " ")
                guard fields.count == 9, let signature = FileSignature(fields: Array(fields[0..<7])),
                      let hash = UInt64(fields[7], radix: 16), let build = Int(fields[8]) else { continue }
                loaded[signature] = (hash, build)
                newest = max(newest, build)
            }
        }
        entries = loaded
        build = newest + 1
    }

    /// The hash of the file with `signature`, when it is known; the entry is kept for the next build.
    func hash(of signature: FileSignature) -> UInt64? {
        lock.withLock {
            guard let entry = entries[signature] else { return nil }
            entries[signature] = (entry.hash, build)
            return entry.hash
        }
    }

    /// Notes what the file with `signature` holds.
    func record(_ hash: UInt64, for signature: FileSignature) {
        lock.withLock { entries[signature] = (hash, build) }
    }

    /// Writes the entries of this build and the one before to `path` (ending in a line that marks it whole).
    func save(to path: String) {
        var text = ""
        lock.withLock {
            for (signature, entry) in entries where entry.build >= build - 1 {
                text += "\(signature.fields) \(String(entry.hash, radix: 16)) \(entry.build)\n"
            }
        }
        text += Self.lastLine + "\n"
        _ = OutputWriter.writeFile(path, text, display: path)
    }
}
