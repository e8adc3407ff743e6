import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What differs between the site an output holds and the next one: files to write, files to copy, and
/// files to remove.
struct SiteDelta: Sendable {
    var files: [String: String] = [:]
    var copies: [String: URL] = [:]
    var removed: [String] = []

    /// What turns `old` into `new`.
    init(from old: RenderedSite, to new: RenderedSite) {
        for (path, text) in new.files where old.files[path] != text { files[path] = text }
        for (path, source) in new.copies where old.copies[path] != source { copies[path] = source }
        removed = old.files.keys.filter { new.files[$0] == nil && new.copies[$0] == nil }
            + old.copies.keys.filter { new.files[$0] == nil && new.copies[$0] == nil }
    }

    init(files: [String: String]) {
        self.files = files
    }
}

extension OutputWriter {
    /// Makes the output hold the next site, touching only what `delta` says differs: each changed file is
    /// written beside its place and renamed over it, so a reader sees the old file or the new one, never a
    /// part of either. Used by `serve` after an edit, when most of the site is as it was; a whole build goes
    /// through `begin` and `finish` instead.
    func update(_ delta: SiteDelta) throws {
        let parent = output.deletingLastPathComponent()
        let lock = open(parent.path, O_RDONLY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { close(lock) } }
        for (path, text) in delta.files.sorted(by: { $0.key < $1.key }) {
            try replace(path) { temporary in Self.writeFile(temporary, text, display: displayPath + "/" + path) }
        }
        let hashes = ContentHashes(loading: "")  // none known: each copy is made, into a new name
        for (path, source) in delta.copies.sorted(by: { $0.key < $1.key }) {
            try replace(path) { temporary in Self.copyIfChanged(source, to: temporary, display: displayPath + "/" + path, hashes: hashes) }
        }
        for path in delta.removed.sorted() {
            Self.removeFile(output.path + "/" + path)
            // Folders left empty go too (rmdir removes only an empty one).
            var folder = parentFolder(of: path)
            while !folder.isEmpty, rmdir(output.path + "/" + folder) == 0 { folder = parentFolder(of: folder) }
        }
    }

    /// Writes the file at `path` inside the output through `write`, into a hidden name beside it, then
    /// renames it into place. Missing folders are made; a link or file where a folder must be is replaced.
    private func replace(_ path: String, write: (String) -> Error?) throws {
        var folder = output.path
        for part in parentFolder(of: path).split(separator: "/") {
            folder += "/" + part
            var status = stat()
            if lstat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { continue }
            Self.removeFile(folder)
            try Self.makeFolder(folder, display: displayPath + "/" + String(folder.dropFirst(output.path.count + 1)))
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = folder + "/." + name + ".callsheet-new"
        if let error = write(temporary) {
            Self.removeFile(temporary)
            throw error
        }
        if rename(temporary, output.path + "/" + path) != 0 {
            let number = errno
            Self.removeFile(temporary)
            throw FileProblem.system(number, "`\(displayPath)/\(path)`", doing: "could not be replaced")
        }
    }
}
