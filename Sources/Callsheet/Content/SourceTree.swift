import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

/// The files of one source folder (content or templates), listed once, with symlinks that lead
/// outside the folder refused. The only place the build reads the disk.
public struct SourceTree: Sendable {
    /// How deep folders may nest inside a source folder.
    static let depthLimit = 32

    /// The folder as the user named it (`content`), used in messages.
    public let displayRoot: String
    /// The folder on disk, symlinks resolved.
    public let root: URL
    /// Every regular file, as a path inside the folder (`services/consent.md`), sorted.
    public let files: [String]
    /// Files that are symbolic links to another file inside the folder: path -> the target's path there.
    let linkTargets: [String: String]
    /// Entries the listing reported and left out (unreadable files and folders, pipes, links that lead nowhere or
    /// outside): they are there, so a link to one is not also called a link to nothing.
    var refused: Set<String> = []

    /// Lists `directory`. Problems (unreadable entries, escaping symlinks, files that are not regular files,
    /// folders nested too deep) come back as diagnostics.
    /// With `marker`, a folder without that file at its top is not listed at all: the content folder without its
    /// site.yml is most likely not a site's (`--content /` listed the whole disk before saying so).
    public static func scan(_ directory: String, requiring marker: String? = nil) -> (SourceTree?, [Diagnostic]) {
        let displayRoot = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let resolved = realpath(directory, nil) else {
            return (nil, [.error("the folder `\(displayRoot)` does not exist", at: nil,
                                 hint: "run build-site in the site's folder, or name the folder with --content or --templates")])
        }
        let root = URL(fileURLWithPath: String(cString: resolved))
        free(resolved)
        var status = stat()
        if let marker, lstat(root.path + "/" + marker, &status) != 0 {
            return (nil, [.error("\(marker) is missing from `\(displayRoot)`", at: SourceLocation(path: displayPath(displayRoot, marker)),
                                 hint: "is this the site's content folder? name it with --content, or create \(marker) there with at least `title:` and `base_url:`")])
        }
        var walker = Walker(root: root.path, displayRoot: displayRoot)
        walker.walk(root.path, relative: "", depth: 0)
        var tree = SourceTree(displayRoot: displayRoot, root: root, files: walker.files.sorted(), linkTargets: walker.linkTargets)
        tree.refused = walker.refused
        return (tree,
                walker.diagnostics)
    }

    /// One listing of a source folder, entry by entry.
    private struct Walker {
        let root: String
        let displayRoot: String
        var files: [String] = []
        var linkTargets: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var refused: Set<String> = []

        init(root: String, displayRoot: String) {
            self.root = root
            self.displayRoot = displayRoot
        }

        mutating func problem(_ message: String, at path: String, hint: String? = nil) {
            refused.insert(path)
            diagnostics.append(.error(message, at: SourceLocation(path: SourceTree.displayPath(displayRoot, path), line: 0), hint: hint))
        }

        mutating func walk(_ directory: String, relative: String, depth: Int) {
            guard depth < SourceTree.depthLimit else {
                problem("this folder is nested more than \(SourceTree.depthLimit) folders deep, which is as deep as Callsheet reads",
                        at: relative, hint: "move its files into a folder nearer the top")
                return
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                problem("this folder cannot be read (\(FileProblem.words(for: FileProblem.errorNumber(of: error))))", at: relative)
                return
            }
            // Hidden files are skipped, but for `static/`, whose `.well-known/` a host needs as it is.
            let keepsHidden = relative == "static" || relative.hasPrefix("static/")
            for name in names.sorted() where !name.hasPrefix(".") || (keepsHidden && name != "." && name != "..") {
                let path = relative.isEmpty ? name : relative + "/" + name
                let full = directory + "/" + name
                // One lstat per entry; only symbolic links need more.
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                var target = full
                if (status.st_mode & S_IFMT) == S_IFLNK {
                    guard let resolved = realpath(full, nil) else {
                        problem("this symbolic link leads nowhere", at: path)
                        continue
                    }
                    target = String(cString: resolved)
                    free(resolved)
                    guard target == root || target.hasPrefix(root + "/") else {
                        problem("this symbolic link leads outside `\(displayRoot)`; it is not followed", at: path,
                                hint: "copy the file into the folder instead of linking to it")
                        continue
                    }
                    guard stat(target, &status) == 0 else { continue }
                    // A link to a folder inside the tree: its files are listed there already.
                    if (status.st_mode & S_IFMT) == S_IFDIR { continue }
                    linkTargets[path] = String(target.dropFirst(root.count + 1))
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(full, relative: path, depth: depth + 1)
                case S_IFREG:
                    if faccessat(AT_FDCWD, target, R_OK, AT_EACCESS) != 0 {
                        problem("this file cannot be read (\(FileProblem.words(for: errno)))", at: path,
                                hint: "give yourself permission to read it (chmod u+r), or move it out of the folder")
                    } else {
                        files.append(path)
                    }
                default:
                    problem("this is not a regular file but \(FileProblem.kind(of: status.st_mode)); it cannot be published", at: path,
                            hint: "remove it, or put a real file of that name here")
                }
            }
        }
    }

    static func displayPath(_ root: String, _ relative: String) -> String {
        root == "." ? relative : root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// The path of `file` as the user sees it: `content/faq.md`.
    public func displayPath(of file: String) -> String { Self.displayPath(displayRoot, file) }

    /// The file on disk (for a symbolic link, the file inside the folder that it leads to).
    public func url(of file: String) -> URL { root.appendingPathComponent(linkTargets[file] ?? file) }

    /// Reads `file` as UTF-8 text. Invalid UTF-8 and binary files are errors at their first bad byte; a file
    /// replaced by a symbolic link or by something other than a file since the scan is not read.
    public func readText(_ file: String) -> Result<String, Diagnostic> {
        let display = displayPath(of: file)
        switch Self.read(url(of: file)) {
        case .success(let data):
            return Self.decodeText(data, path: display)
        case .failure(let problem):
            return .failure(.error(problem.message, at: SourceLocation(path: display, line: 0), hint: problem.hint))
        }
    }

    /// Decodes bytes as UTF-8 text, reporting the line and column of the first NUL or invalid byte.
    public static func decodeText(_ data: Data, path: String) -> Result<String, Diagnostic> {
        let bytes = [UInt8](data)
        // The usual case, checked by the standard library at full speed: valid UTF-8 without NUL or CR.
        if !bytes.contains(0), !bytes.contains(UInt8(ascii: "\r")), var text = String(validating: bytes, as: UTF8.self) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return .success(text)
        }
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                return .failure(.error("this looks like a binary file, not text", at: SourceLocation(path: path, line: line, column: column),
                                       hint: "images and other files belong in media/"))
            }
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 {
                return .failure(.error("this file is not valid UTF-8 text", at: SourceLocation(path: path, line: line, column: column),
                                       hint: "save the file with the UTF-8 encoding"))
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        var clean = bytes
        if clean.starts(with: [0xEF, 0xBB, 0xBF]) { clean.removeFirst(3) }
        if clean.contains(UInt8(ascii: "\r")) {
            clean = clean.enumerated().filter { index, byte in
                !(byte == UInt8(ascii: "\r") && index + 1 < clean.count && clean[index + 1] == UInt8(ascii: "\n"))
            }.map(\.element)
        }
        return .success(String(decoding: clean, as: UTF8.self))
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int, minimum: UInt32
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2; minimum = 0x80
        case 0xE0...0xEF: length = 3; minimum = 0x800
        case 0xF0...0xF4: length = 4; minimum = 0x10000
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        var value = UInt32(first) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        return length
    }
}
