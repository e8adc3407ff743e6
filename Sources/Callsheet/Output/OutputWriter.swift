import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A built site held in memory: rendered files and files to copy, by output path.
public struct RenderedSite: Sendable {
    /// Generated files (pages, sitemap...), by path inside the output folder: all of them text.
    public var files: [String: String] = [:]
    /// Files copied as they are: output path -> source file on disk.
    public var copies: [String: URL] = [:]
}

/// Writes a built site so that the output folder is only ever a whole site: the previous one or the
/// new one. The new site is written into the folder that holds the build before last, then the two
/// are exchanged in one step. Nothing inside either folder is trusted: a symbolic link, a pipe or a
/// file with a second name found there is replaced, never written through.
public struct OutputWriter: Sendable {
    /// The file that marks a folder as written by Callsheet, so a rebuild may replace it.
    public static let markerName = ".callsheet"
    static let markerText = "This folder is written by Callsheet (swift run build-site) and replaced whole on each build.\n"

    /// The output folder on disk: symlinks resolved in the part of the path that exists.
    let output: URL
    let displayPath: String

    /// A writer for the output folder `path`.
    public init(path: String) {
        // Through symlinks: with `public -> /srv/www/site`, the folder the web server reads is the one replaced;
        // with `out-link/public` and `out-link -> content`, the output is inside the content.
        output = URL(fileURLWithPath: Self.resolve(path))
        displayPath = path
    }

    /// Folders the operating system lives in, refused even with `--force`: every folder at the top of the disk
    /// (`/etc`, `/usr`, `/var`, `/home`...), the next level in `/etc`, `/usr`, `/var` and `/opt` (`/var/lib`; a
    /// site may go deeper, as `/var/www/html`), and anything under the folders of programs and devices. How the
    /// refusal names it, or nil.
    static func systemFolder(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        guard let top = parts.first else { return nil }
        if parts.count == 1 { return "a folder at the top of the disk" }
        if parts.count == 2, ["etc", "usr", "var", "opt"].contains(top) { return "a system folder" }
        let programs: Set<Substring> = ["bin", "boot", "dev", "lib", "lib32", "lib64", "libx32", "libexec", "include", "proc", "run", "sbin", "sys"]
        if programs.contains(top) { return "inside `/\(top)`" }
        // `/bin` is a link to `/usr/bin` on most systems now, and the path is resolved.
        if top == "usr", programs.contains(parts[1]) { return "inside `/usr/\(parts[1])`" }
        return nil
    }

    /// Refuses output folders that a build must never replace. `sources` are the content and template folders.
    public func checkSafety(sources: [String], force: Bool) -> Diagnostic? {
        let path = output.path
        let home = Self.resolve(FileManager.default.homeDirectoryForCurrentUser.path)
        let current = Self.resolve(FileManager.default.currentDirectoryPath)
        if path == "/" { return refusal("it is the root of the disk") }
        if path == home { return refusal("it is your home folder") }
        if home.hasPrefix(path + "/") { return refusal("it holds your home folder") }
        if let system = Self.systemFolder(path) { return refusal("it is \(system), which the system needs") }
        if path == current { return refusal("it is the current folder") }
        for source in sources {
            let sourcePath = Self.resolve(source)
            if path == sourcePath || path.hasPrefix(sourcePath + "/") { return refusal("it is inside `\(source)`") }
            if sourcePath.hasPrefix(path + "/") { return refusal("it contains `\(source)`") }
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) != S_IFDIR { return refusal("a file of that name exists") }
            var marker = stat()
            if !force, lstat(path + "/" + Self.markerName, &marker) != 0, !Self.isEmptyFolder(path) {
                return .error("`\(displayPath)` exists and was not made by Callsheet, so it is not replaced", at: nil,
                              hint: "move it away, choose another folder with --output, or pass --force to replace it")
            }
        }
        return checkWritable()
    }

    /// Whether the folder at `path` holds nothing (read entry by entry: an output holds thousands).
    static func isEmptyFolder(_ path: String) -> Bool {
        guard let folder = opendir(path) else { return false }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { return false }
        }
        return true
    }

    /// Refuses an output folder that cannot be written: read-only itself, or in a folder that is.
    public func checkWritable() -> Diagnostic? {
        var status = stat()
        if lstat(output.path, &status) == 0 {
            if access(output.path, W_OK) != 0 {
                return refusal(errno == EROFS ? "it is on a read-only disk" : "it is read-only",
                               hint: "make it writable (chmod -R u+w \(displayPath)) or choose another folder with --output")
            }
        }
        // The new site is written beside the output, so the folder that holds it (or will) must be writable.
        var parent = output.deletingLastPathComponent().path
        while lstat(parent, &status) != 0, parent != "/" { parent = URL(fileURLWithPath: parent).deletingLastPathComponent().path }
        if access(parent, W_OK) != 0 {
            return refusal(errno == EROFS ? "it is on a read-only disk" : "the folder it goes in (`\(parent)`) is read-only",
                           hint: "choose a folder you can write to with --output")
        }
        return nil
    }

    private func refusal(_ why: String, hint: String = "choose another folder with --output") -> Diagnostic {
        .error("will not write the site to `\(displayPath)`: \(why)", at: nil, hint: hint)
    }

    /// The hidden folder beside the output that holds the build before last. The next build is written
    /// into it and then swapped with the output, so the output is only ever a whole site, and files that
    /// already exist are overwritten rather than created, which on many file systems is far cheaper.
    public var previousFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).callsheet-previous")
    }

    var swapFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).callsheet-swap")
    }

    /// Whether the folder the output goes in exists, so a build may start writing before it knows it succeeds
    /// (otherwise nothing is created until it has).
    public var canBeginEarly: Bool {
        var status = stat()
        return lstat(output.deletingLastPathComponent().path, &status) == 0
    }

    /// Writes `site` into the previous-build folder, makes it match `site` exactly, and swaps it with the
    /// output. On any failure the output stays as it was.
    public func write(_ site: RenderedSite, jobs: Int = 1) throws {
        try finish(begin(), site: site, jobs: jobs)
    }

    /// Gets the previous-build folder ready to be written into (pages can be written as they render).
    /// Creates the folders the output goes in when they are missing.
    public func begin() throws -> OutputSession {
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw FileProblem.system(FileProblem.errorNumber(of: error), "the folder `\(parent.path)`", doing: "could not be made")
        }
        // One build at a time per output (say `serve` and a deploy script): an exclusive lock on the folder
        // that holds it, released when the build ends or the process dies.
        let lock = open(parent.path, O_RDONLY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        do {
            return try prepareSession(lock: lock)
        } catch {
            if lock >= 0 { close(lock) }
            throw error
        }
    }

    private func prepareSession(lock: Int32) throws -> OutputSession {
        recoverFromInterruption()
        let next = previousFolder.path
        var status = stat()
        // Only a real folder is reused: a link or a file of that name is removed, never followed.
        if lstat(next, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR { unlink(next) }
        let fresh = lstat(next, &status) != 0
        if fresh { try Self.makeFolder(next, display: displayPath) }
        var files = Set<String>(), folders = Set<String>()
        Self.list(next, relative: "", files: &files, folders: &folders)
        let hashes = ContentHashes(loading: next + "/" + ContentHashes.fileName)
        return OutputSession(root: next, displayRoot: displayPath, existingFiles: files, existingFolders: folders,
                             isFresh: fresh, lock: lock, hashes: hashes)
    }

    /// After a failed build: a folder this build made is removed again, so nothing is left beside the
    /// output that was not there before. (A previous build's folder stays; the next build tidies it.)
    public func abandon(_ session: OutputSession) {
        if session.isFresh { try? FileManager.default.removeItem(atPath: session.root) }
        session.unlock()
    }

    /// Writes what `session` has not written yet, removes what `site` does not have, and swaps the
    /// folder with the output.
    public func finish(_ session: OutputSession, site: RenderedSite, jobs: Int = 1) throws {
        defer { session.unlock() }
        let written = session.writtenFiles
        var writes = site.files.filter { !written.contains($0.key) }.map { ($0.key, $0.value) }
        writes.append((Self.markerName, Self.markerText))
        let failures = concurrentMap(writes, jobs: jobs) { path, text in session.write(path, text) }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        let copyFailures = concurrentMap(Array(site.copies), jobs: jobs) { path, source in session.copy(source, to: path) }
        if let failure = copyFailures.compactMap({ $0 }).first { throw failure }

        var wantedFiles = Set(site.files.keys).union(site.copies.keys)
        wantedFiles.insert(Self.markerName)
        let wantedFolders = Self.folders(of: wantedFiles)
        for path in session.existingFiles.subtracting(wantedFiles) where !wantedFolders.contains(path) {
            Self.removeFile(session.root + "/" + path)
        }
        for folder in session.existingFolders.subtracting(wantedFolders).subtracting(wantedFiles).sorted(by: { $0.count > $1.count }) {
            try? FileManager.default.removeItem(atPath: session.root + "/" + folder)
        }
        try swapIntoPlace()
        // The record of what the copies hold goes with the folder the next build writes into.
        var status = stat()
        if lstat(previousFolder.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            session.hashes.save(to: previousFolder.path + "/" + ContentHashes.fileName)
        }
    }
}
