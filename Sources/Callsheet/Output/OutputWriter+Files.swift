import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

extension OutputWriter {
    /// `path` made absolute, with symbolic links resolved in the deepest part of it that exists (the rest is
    /// taken as written), so a link above a folder that is still to be made is seen for where it leads.
    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute.split(separator: "/").map(String.init)
        var rest: [String] = []
        while true {
            if let real = realpath("/" + existing.joined(separator: "/"), nil) {
                var result = String(cString: real)
                free(real)
                for part in rest where part != "." {
                    if part == ".." {
                        result = URL(fileURLWithPath: result).deletingLastPathComponent().path
                    } else {
                        result += (result.hasSuffix("/") ? "" : "/") + part
                    }
                }
                return result
            }
            guard let last = existing.popLast() else { return absolute }
            rest.insert(last, at: 0)
        }
    }

    /// Every folder that holds one of `files`.
    static func folders(of files: Set<String>) -> Set<String> {
        var folders = Set<String>()
        for path in files {
            var folder = parentFolder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = parentFolder(of: folder)
            }
        }
        return folders
    }

    /// Every file and folder under `path`, as paths relative to it. Links, pipes and the like count as files
    /// (so they are replaced or removed); only real folders are entered.
    static func list(_ path: String, relative: String, files: inout Set<String>, folders: inout Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path + (relative.isEmpty ? "" : "/" + relative)) else { return }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(path + "/" + child, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                folders.insert(child)
                list(path, relative: child, files: &files, folders: &folders)
            } else {
                files.insert(child)
            }
        }
    }

    static func makeFolder(_ path: String, display: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw FileProblem.system(errno, "`\(display)`", doing: "could not be made")
        }
    }

    /// Removes the entry at `path` itself (a link, not what it leads to), through its folder opened without
    /// following any link, so a link higher up cannot send the removal elsewhere.
    @discardableResult
    static func removeFile(_ path: String) -> Bool {
        let folder = callsheet_open_no_symlinks(parentFolder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
        return unlinkat(folder, name, 0) == 0
    }

    /// Writes `bytes` to `path` with plain system calls (Foundation's file writing does far more per file),
    /// never through a symbolic link and never into a file that has another name as well (a hard link): such
    /// an entry, or a pipe, is replaced by a new file. With `modified`, the file is given that time (as
    /// rsync does, so a deploy by size and time sees what changed) and its status after the write is returned.
    /// With `hashes`, a file whose signature they know is not read to see whether it already holds `bytes`,
    /// and what the file holds afterwards is noted in them.
    static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer, display: String,
                          modified: timespec? = nil, hashes: ContentHashes? = nil) -> Result<stat, FileProblem> {
        func failure(_ number: Int32) -> Result<stat, FileProblem> { .failure(.system(number, "`\(display)`", doing: "could not be written")) }
        let hash = hashes.map { _ in callsheet_hash(0, bytes.baseAddress, bytes.count) }
        var status = stat()
        // O_NONBLOCK: a named pipe left in the output must not hold the build up.
        var descriptor = callsheet_open_no_symlinks(path, O_RDWR | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
        var oldSize = 0
        if descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_nlink == 1 {
            oldSize = Int(status.st_size)
            // A page the folder already holds, byte for byte, is left alone: most of a rebuild's pages. What it
            // holds is known from its signature when a build wrote it (even when the folder was written long
            // ago, no page is read back then); otherwise it is read.
            if modified == nil, oldSize == bytes.count {
                let known = hashes?.hash(of: FileSignature(status))
                if let known, known == hash { close(descriptor); return .success(status) }
                if known == nil, holds(descriptor, bytes) {
                    if let hashes, let hash { hashes.record(hash, for: FileSignature(status)) }
                    close(descriptor)
                    return .success(status)
                }
            }
        } else {
            let opened = descriptor >= 0
            if opened { close(descriptor) }
            guard opened || errno == ELOOP || errno == ENXIO || errno == EISDIR else { return failure(errno) }
            removeFile(path)
            descriptor = callsheet_open_no_symlinks(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return failure(errno) }
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let result = pwrite(descriptor, base + written, bytes.count - written, off_t(written))
            if result < 0 {
                if errno == EINTR { continue }
                return failure(errno)
            }
            written += result
        }
        // Overwritten from the start and cut to length afterwards, not emptied first: ext4 flushes a file
        // emptied and rewritten when it is closed, which made a rebuild slower than a first build.
        if oldSize > bytes.count, ftruncate(descriptor, off_t(bytes.count)) != 0 { return failure(errno) }
        // A copy is given its source's time. The status is read back, once the file is final, for the hashes
        // or a copy's caller; a page written without hashes needs neither.
        if let modified { futimens(descriptor, [modified, modified]) }
        if modified != nil || hashes != nil {
            guard fstat(descriptor, &status) == 0 else { return failure(errno) }
            if let hashes, let hash { hashes.record(hash, for: FileSignature(status)) }
        }
        return .success(status)
    }

    /// Whether the open file holds exactly `bytes` (its size already checked).
    private static func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: min(chunk, bytes.count))
        var offset = 0
        while offset < bytes.count {
            let wanted = min(chunk, bytes.count - offset)
            let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if read < 0, errno == EINTR { continue }
            guard read == wanted, buffer.withUnsafeBytes({ memcmp($0.baseAddress!, base + offset, wanted) }) == 0 else { return false }
            offset += wanted
        }
        return true
    }

    /// Writes text (a page, the sitemap), noting what the file holds in `hashes` when given.
    static func writeFile(_ path: String, _ text: String, display: String, hashes: ContentHashes? = nil) -> FileProblem? {
        var text = text
        let result = text.withUTF8 { writeFile(path, UnsafeRawBufferPointer($0), display: display, hashes: hashes) }
        if case .failure(let problem) = result { return problem }
        return nil
    }
}

/// `a/b/c.html` -> `a/b`; `c.html` -> `` (plain string work: Foundation's path functions are not safe to
/// call from several threads at once on Linux).
func parentFolder(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(path[..<slash])
}
