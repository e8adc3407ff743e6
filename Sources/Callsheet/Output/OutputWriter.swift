import Foundation
#if canImport(Glibc)
import Glibc
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
/// are swapped by renaming.
public struct OutputWriter: Sendable {
    /// The file that marks a folder as written by Callsheet, so a rebuild may replace it.
    public static let markerName = ".callsheet"
    static let markerText = "This folder is written by Callsheet (swift run build-site) and replaced whole on each build.\n"

    let output: URL
    let displayPath: String

    /// A writer for the output folder `path`.
    public init(path: String) {
        // Through symlinks: with `public -> /srv/www/site`, the folder the web server reads is the one replaced.
        output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        displayPath = path
    }

    /// Refuses output folders that a build must never replace. `sources` are the content and template folders.
    public func checkSafety(sources: [String], force: Bool) -> Diagnostic? {
        let path = output.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
            .resolvingSymlinksInPath().path
        func refuse(_ why: String) -> Diagnostic {
            .error("will not write the site to `\(displayPath)`: \(why)", at: nil, hint: "choose another folder with --output")
        }
        if path == "/" { return refuse("it is the root of the disk") }
        if path == home { return refuse("it is your home folder") }
        if path == current { return refuse("it is the current folder") }
        for source in sources {
            let sourcePath = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
            if path == sourcePath || path.hasPrefix(sourcePath + "/") { return refuse("it is inside `\(source)`") }
            if sourcePath.hasPrefix(path + "/") { return refuse("it contains `\(source)`") }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return refuse("a file of that name exists") }
            let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
            if !entries.isEmpty, !entries.contains(Self.markerName), !force {
                return .error("`\(displayPath)` exists and was not made by Callsheet, so it is not replaced", at: nil,
                              hint: "move it away, choose another folder with --output, or pass --force to replace it")
            }
        }
        return nil
    }

    /// The hidden folder beside the output that holds the build before last. The next build is written
    /// into it and then swapped with the output, so the output is only ever a whole site, and files that
    /// already exist are overwritten rather than created, which on many file systems is far cheaper.
    public var previousFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).callsheet-previous")
    }

    private var swapFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).callsheet-swap")
    }

    /// Writes `site` into the previous-build folder, makes it match `site` exactly, and swaps it with the
    /// output. On any failure the output stays as it was.
    public func write(_ site: RenderedSite, jobs: Int = 1) throws {
        try finish(begin(), site: site, jobs: jobs)
    }

    /// Gets the previous-build folder ready to be written into (pages can be written as they render).
    public func begin() throws -> OutputSession {
        let manager = FileManager.default
        try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        // One build at a time per output (say `serve` and a deploy script): an exclusive lock on the folder
        // that holds it, released when the build ends or the process dies.
        let lock = open(output.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        do {
            return try prepareSession(lock: lock)
        } catch {
            if lock >= 0 { close(lock) }
            throw error
        }
    }

    private func prepareSession(lock: Int32) throws -> OutputSession {
        let manager = FileManager.default
        recoverFromInterruption()
        let next = previousFolder
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: next.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            try manager.removeItem(at: next)
        }
        let fresh = !manager.fileExists(atPath: next.path)
        if fresh { try Self.makeFolder(next.path) }
        var files = Set<String>(), folders = Set<String>()
        Self.list(next.path, relative: "", files: &files, folders: &folders)
        return OutputSession(root: next.path, existingFiles: files, existingFolders: folders, isFresh: fresh, lock: lock)
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
        let manager = FileManager.default
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
            unlink(session.root + "/" + path)
        }
        for folder in session.existingFolders.subtracting(wantedFolders).subtracting(wantedFiles).sorted(by: { $0.count > $1.count }) {
            try? manager.removeItem(atPath: session.root + "/" + folder)
        }

        // The swap: the output becomes the previous build, the new build becomes the output.
        let next = previousFolder
        do {
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: swapFolder)
                do {
                    try manager.moveItem(at: next, to: output)
                } catch {
                    try? manager.moveItem(at: swapFolder, to: output)
                    throw error
                }
                try manager.moveItem(at: swapFolder, to: next)
            } else {
                try manager.moveItem(at: next, to: output)
            }
        } catch {
            throw SwapError(output: displayPath, underlying: error)
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

    /// Every file and folder under `path`, as paths relative to it.
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

    /// Copies a media or asset file unless the copy there has the same size and modification time (the
    /// copy is given the source's time, as rsync does, so an edit to either side is noticed).
    static func copyIfChanged(_ source: URL, to destination: String) -> Error? {
        var from = stat(), to = stat()
        guard stat(source.path, &from) == 0 else { return CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source.path]) }
        if lstat(destination, &to) == 0, (to.st_mode & S_IFMT) == S_IFREG, to.st_size == from.st_size,
           to.st_mtim.tv_sec == from.st_mtim.tv_sec, to.st_mtim.tv_nsec == from.st_mtim.tv_nsec {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: source.path) else {
            return CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: source.path])
        }
        unlink(destination)
        let failure = data.withUnsafeBytes {
            writeFile(destination, UnsafeBufferPointer(start: $0.baseAddress?.assumingMemoryBound(to: UInt8.self), count: $0.count))
        }
        if failure == nil {
            var times = [from.st_atim, from.st_mtim]
            utimensat(AT_FDCWD, destination, &times, 0)
        }
        return failure
    }

    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Writes text with plain system calls (Foundation's file writing does far more per file).
    static func writeFile(_ path: String, _ text: String) -> Error? {
        var text = text
        return text.withUTF8 { writeFile(path, $0) }
    }

    static func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Error? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let result = systemWrite(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: path])
            }
            written += result
        }
        return nil
    }

    /// Puts the output back as it was before an interrupted write: for Ctrl-C during a build.
    public func recoverFromInterruption() {
        removeLeftovers(in: output.deletingLastPathComponent(), name: output.lastPathComponent)
    }

    /// Undoes a swap that was cut short: if the output is missing, the build it was is put back.
    private func removeLeftovers(in parent: URL, name: String) {
        let manager = FileManager.default
        if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: swapFolder.path) {
            try? manager.moveItem(at: swapFolder, to: output)
        }
        if manager.fileExists(atPath: swapFolder.path) {
            // The output is there and complete; the interrupted swap left the previous build here.
            if !manager.fileExists(atPath: previousFolder.path) {
                try? manager.moveItem(at: swapFolder, to: previousFolder)
            } else {
                try? manager.removeItem(at: swapFolder)
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// A build being written into the previous-build folder. Pages write themselves here as they render,
/// from several threads; folders are made as they are first needed.
public final class OutputSession: @unchecked Sendable {
    /// The folder being written.
    public let root: String
    let existingFiles: Set<String>
    let existingFolders: Set<String>
    /// Whether this build made the folder (so a failed build removes it).
    let isFresh: Bool
    private let lock = NSLock()
    private var lockDescriptor: Int32
    private var folders: Set<String>
    private var written = Set<String>()

    init(root: String, existingFiles: Set<String>, existingFolders: Set<String>, isFresh: Bool, lock: Int32) {
        self.root = root
        self.isFresh = isFresh
        lockDescriptor = lock
        self.existingFiles = existingFiles
        self.existingFolders = existingFolders
        folders = existingFolders
    }

    var writtenFiles: Set<String> { lock.withLock { written } }

    /// Lets the next build of this output go ahead.
    func unlock() {
        lock.withLock {
            if lockDescriptor >= 0 { close(lockDescriptor) }
            lockDescriptor = -1
        }
    }

    /// Writes one file of the new site; returns the error, if any.
    public func write(_ path: String, _ text: String) -> Error? {
        if let error = prepare(path) { return error }
        if let error = OutputWriter.writeFile(root + "/" + path, text) { return error }
        lock.withLock { _ = written.insert(path) }
        return nil
    }

    /// Copies a media or asset file unless the copy there is already current.
    func copy(_ source: URL, to path: String) -> Error? {
        if let error = prepare(path) { return error }
        return OutputWriter.copyIfChanged(source, to: root + "/" + path)
    }

    /// Makes the folders `path` needs, clearing a file where a folder must go or a folder where the file must go.
    private func prepare(_ path: String) -> Error? {
        var missing: [String] = []
        var folder = parentFolder(of: path)
        lock.withLock {
            while !folder.isEmpty, !folders.contains(folder) {
                missing.append(folder)
                folder = parentFolder(of: folder)
            }
        }
        for folder in missing.reversed() {
            if existingFiles.contains(folder) { unlink(root + "/" + folder) }
            do { try OutputWriter.makeFolder(root + "/" + folder) } catch { return error }
            lock.withLock { _ = folders.insert(folder) }
        }
        if existingFolders.contains(path) { try? FileManager.default.removeItem(atPath: root + "/" + path) }
        return nil
    }
}

/// `a/b/c.html` -> `a/b`; `c.html` -> `` (plain string work: Foundation's path functions are not safe to
/// call from several threads at once on Linux).
func parentFolder(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(path[..<slash])
}

/// The new site could not be put in place of the old one.
struct SwapError: LocalizedError {
    var output: String
    var underlying: Error
    var errorDescription: String? {
        "the new site could not take the place of `\(output)` (\(underlying.localizedDescription)); if that folder is a mount point or a disk of its own, build into a folder beside it and copy from there"
    }
}
