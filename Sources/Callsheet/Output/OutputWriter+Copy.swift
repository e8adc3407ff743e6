import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

extension OutputWriter {
    /// Copies a media or asset file unless the copy there holds the same bytes: known from the hashes of
    /// both when neither has changed since it was hashed, otherwise by reading the source. Size and time
    /// alone never decide it (an edit by `cp -p` keeps both).
    static func copyIfChanged(_ source: URL, to destination: String, display: String, hashes: ContentHashes) -> Error? {
        let opened: (descriptor: Int32, status: stat)
        switch SourceTree.open(source) {
        case .success(let file): opened = file
        case .failure(let problem):
            return FileProblem(message: "`\(source.path)`: \(problem.message)", hint: problem.hint)
        }
        defer { close(opened.descriptor) }
        let sourceSignature = FileSignature(opened.status)
        var status = stat()
        // Only a plain file with one name is ever kept; a link, a pipe or a hard link is replaced.
        let copySignature = lstat(destination, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && status.st_nlink == 1
            ? FileSignature(status) : nil
        let copyHash = copySignature.flatMap { hashes.hash(of: $0) }
        if let known = hashes.hash(of: sourceSignature), copyHash == known, copySignature?.size == sourceSignature.size {
            return nil
        }
        let data: Data
        switch SourceTree.readAll(opened.descriptor, sizeHint: Int(opened.status.st_size)) {
        case .success(let bytes): data = bytes
        case .failure(let error): return FileProblem.system(error.code.rawValue, "`\(source.path)`", doing: "cannot be read")
        }
        let hash = data.withUnsafeBytes { callsheet_hash(0, $0.baseAddress, $0.count) }
        hashes.record(hash, for: sourceSignature)
        if copyHash == hash, copySignature?.size == Int64(data.count) { return nil }
        #if canImport(Darwin)
        let modified = opened.status.st_mtimespec
        #else
        let modified = opened.status.st_mtim
        #endif
        switch data.withUnsafeBytes({ writeFile(destination, $0, display: display, modified: modified) }) {
        case .success(let written):
            hashes.record(hash, for: FileSignature(written))
            return nil
        case .failure(let problem):
            return problem
        }
    }
}
