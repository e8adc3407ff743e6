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

    /// The signature from the first seven of `words` (as `words` gives them).
    init(words: UnsafeBufferPointer<UInt64>) {
        (device, inode, size) = (words[0], words[1], Int64(bitPattern: words[2]))
        (modified, modifiedNanoseconds) = (Int64(bitPattern: words[3]), Int64(bitPattern: words[4]))
        (changed, changedNanoseconds) = (Int64(bitPattern: words[5]), Int64(bitPattern: words[6]))
    }

    var words: [UInt64] {
        [device, inode, UInt64(bitPattern: size), UInt64(bitPattern: modified), UInt64(bitPattern: modifiedNanoseconds),
         UInt64(bitPattern: changed), UInt64(bitPattern: changedNanoseconds)]
    }

    var fields: String { "\(device) \(inode) \(size) \(modified) \(modifiedNanoseconds) \(changed) \(changedNanoseconds)" }
}

/// The content hash of every file the build wrote or copied into the output (pages and copies alike) and of
/// every media source, by file signature, kept from build to build in the folder the next build writes into.
/// A file is left alone only when its hash is that of what it should hold, and one whose signature is here
/// is never read back to find out; a file whose signature is not here is read (and a source hashed).
final class ContentHashes: @unchecked Sendable {
    static let fileName = ".callsheet-hashes"
    /// The file starts with this line and ends with `end`; between them, nine 64-bit words a file: its
    /// signature's seven, its hash and the build that last saw it (binary: a 10,000-page site has 20,000).
    private static let firstLine = Array("callsheet hashes 2\n".utf8)
    private static let lastLine = Array("end\n".utf8)
    private static let wordsPerEntry = 9

    private let lock = NSLock()
    private var entries: [FileSignature: (hash: UInt64, build: Int)] = [:]
    /// The number of this build: entries of this one and the one before are kept (the files in the
    /// previous folder were made or checked by the build before this one).
    private let build: Int

    /// The hashes saved at `path` by an earlier build; none when the file is missing, cut short or of
    /// another format.
    init(loading path: String) {
        var loaded: [FileSignature: (hash: UInt64, build: Int)] = [:]
        var newest = 0
        let bytes = path.isEmpty ? nil : FileManager.default.contents(atPath: path)
        let (head, tail) = (Self.firstLine.count, Self.lastLine.count)
        let entrySize = 8 * Self.wordsPerEntry
        if let bytes, bytes.count >= head + tail, (bytes.count - head - tail) % entrySize == 0,
           bytes.prefix(head).elementsEqual(Self.firstLine), bytes.suffix(tail).elementsEqual(Self.lastLine) {
            let count = (bytes.count - head - tail) / entrySize
            loaded.reserveCapacity(count)
            var words = [UInt64](repeating: 0, count: count * Self.wordsPerEntry)
            words.withUnsafeMutableBytes { _ = bytes.copyBytes(to: $0, from: head..<(head + count * entrySize)) }
            words.withUnsafeBufferPointer { all in
                for index in 0..<count {
                    let entry = UnsafeBufferPointer(rebasing: all[(index * Self.wordsPerEntry)..<((index + 1) * Self.wordsPerEntry)])
                    // A damaged file may say anything: a build number no run could reach is skipped.
                    let build = Int(truncatingIfNeeded: entry[8])
                    guard (0...Int(Int32.max)).contains(build) else { continue }
                    loaded[FileSignature(words: entry)] = (entry[7], build)
                    newest = max(newest, build)
                }
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
        var words: [UInt64] = []
        lock.withLock {
            words.reserveCapacity(entries.count * Self.wordsPerEntry)
            for (signature, entry) in entries where entry.build >= build - 1 {
                words += signature.words
                words += [entry.hash, UInt64(entry.build)]
            }
        }
        var bytes = Self.firstLine
        words.withUnsafeBytes { bytes += $0 }
        bytes += Self.lastLine
        _ = bytes.withUnsafeBytes { OutputWriter.writeFile(path, $0, display: path) }
    }
}
