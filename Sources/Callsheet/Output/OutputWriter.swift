import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A built site held in memory: rendered files and files to copy, by output path.
public struct RenderedSite: Sendable {
    /// Generated files (pages, sitemap...), by path inside the output folder.
    public var files: [String: [UInt8]] = [:]
    /// Files copied as they are: output path -> source file on disk.
    public var copies: [String: URL] = [:]
}

/// Writes a built site so that the output folder is only ever a whole site: the previous one or the
/// new one. The new site is written into the folder that holds the build before last, then the two
/// are swapped by renaming.
public struct OutputWriter {
    /// The file that marks a folder as written by Callsheet, so a rebuild may replace it.
    public static let markerName = ".callsheet"
    static let markerText = "This folder is written by Callsheet (swift run build-site) and replaced whole on each build.\n"

    let output: URL
    let displayPath: String

    /// A writer for the output folder `path`.
    public init(path: String) {
        output = URL(fileURLWithPath: path).standardizedFileURL
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
        let manager = FileManager.default
        try manager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        recoverFromInterruption()
        let next = previousFolder
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: next.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            try manager.removeItem(at: next)
        }
        if !manager.fileExists(atPath: next.path) { try Self.makeFolder(next.path) }

        // What is there now, so only missing folders are made and only stale files removed.
        var existingFiles = Set<String>(), existingFolders = Set<String>()
        Self.list(next.path, relative: "", files: &existingFiles, folders: &existingFolders)
        var wantedFiles = Set(site.files.keys).union(site.copies.keys)
        wantedFiles.insert(Self.markerName)
        var wantedFolders = Set<String>()
        for path in wantedFiles {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, wantedFolders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // A file where a folder must go (or the reverse) is removed first.
        for path in existingFiles where wantedFolders.contains(path) { unlink(next.path + "/" + path) }
        for folder in existingFolders.sorted(by: { $0.count > $1.count }) where wantedFiles.contains(folder) {
            try manager.removeItem(atPath: next.path + "/" + folder)
        }
        for folder in wantedFolders.sorted(by: { $0.count < $1.count }) where !existingFolders.contains(folder) {
            try Self.makeFolder(next.path + "/" + folder)
        }

        var writes = Array(site.files)
        writes.append((Self.markerName, Array(Self.markerText.utf8)))
        let failures = concurrentMap(writes, jobs: jobs) { path, bytes in Self.writeFile(next.path + "/" + path, bytes) }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        let copyFailures = concurrentMap(Array(site.copies), jobs: jobs) { path, source in
            Self.copyIfChanged(source, to: next.path + "/" + path)
        }
        if let failure = copyFailures.compactMap({ $0 }).first { throw failure }

        for path in existingFiles.subtracting(wantedFiles) where !wantedFolders.contains(path) {
            unlink(next.path + "/" + path)
        }
        for folder in existingFolders.subtracting(wantedFolders).sorted(by: { $0.count > $1.count }) {
            try? manager.removeItem(atPath: next.path + "/" + folder)
        }

        // The swap: the output becomes the previous build, the new build becomes the output.
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

    /// Copies a media or asset file unless the copy there already has its size and is no older.
    static func copyIfChanged(_ source: URL, to destination: String) -> Error? {
        var from = stat(), to = stat()
        if stat(source.path, &from) == 0, lstat(destination, &to) == 0, (to.st_mode & S_IFMT) == S_IFREG,
           to.st_size == from.st_size, to.st_mtim.tv_sec > from.st_mtim.tv_sec
            || (to.st_mtim.tv_sec == from.st_mtim.tv_sec && to.st_mtim.tv_nsec >= from.st_mtim.tv_nsec) {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: source.path) else {
            return CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: source.path])
        }
        unlink(destination)
        return writeFile(destination, [UInt8](data))
    }

    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Writes bytes with plain system calls (Foundation's file writing does far more per file).
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Error? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress!.advanced(by: written), bytes.count - written)
            }
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
