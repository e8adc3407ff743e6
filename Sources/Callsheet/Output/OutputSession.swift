import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build being written into the previous-build folder. Pages write themselves here as they render,
/// from several threads; folders are made as they are first needed.
public final class OutputSession: @unchecked Sendable {
    /// The folder being written.
    public let root: String
    /// The output as the user named it (`public`): the files written here are reported as inside it.
    let displayRoot: String
    let existingFiles: Set<String>
    let existingFolders: Set<String>
    /// Whether this build made the folder (so a failed build removes it).
    let isFresh: Bool
    /// What each file written or copied holds, so a file is skipped only when its content is the one it
    /// should have, and a page this writer wrote is not read back to find out.
    let hashes: ContentHashes
    private let lock = NSLock()
    private var lockDescriptor: Int32
    private var folders: Set<String>
    private var written = Set<String>()

    init(root: String, displayRoot: String, existingFiles: Set<String>, existingFolders: Set<String>, isFresh: Bool,
         lock: Int32, hashes: ContentHashes) {
        self.root = root
        self.displayRoot = displayRoot
        self.isFresh = isFresh
        self.hashes = hashes
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

    func display(_ path: String) -> String { displayRoot + "/" + path }

    /// Writes one file of the new site; returns the problem, if any.
    public func write(_ path: String, _ text: String) -> Error? {
        if let error = prepare(path) { return error }
        if let error = OutputWriter.writeFile(root + "/" + path, text, display: display(path), hashes: hashes) { return error }
        lock.withLock { _ = written.insert(path) }
        return nil
    }

    /// Copies a media or asset file unless the copy there already holds the same bytes.
    func copy(_ source: URL, to path: String) -> Error? {
        if let error = prepare(path) { return error }
        return OutputWriter.copyIfChanged(source, to: root + "/" + path, display: display(path), hashes: hashes)
    }

    /// Makes the folders `path` needs, clearing a file (or link) where a folder must go or a folder where the
    /// file must go.
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
            if existingFiles.contains(folder) { OutputWriter.removeFile(root + "/" + folder) }
            do { try OutputWriter.makeFolder(root + "/" + folder, display: display(folder)) } catch { return error }
            lock.withLock { _ = folders.insert(folder) }
        }
        if existingFolders.contains(path) { try? FileManager.default.removeItem(atPath: root + "/" + path) }
        return nil
    }
}
