import Foundation

extension Scaffold {
    /// Writes `files` (paths inside `folder`) into `folder`, making folders as needed. When any of them
    /// exists already, nothing is written and each one is an error: `new` never overwrites a file.
    public static func write(_ files: [(path: String, data: Data)], into folder: String) -> [Diagnostic] {
        // An empty name (`new site ""`, or "$DIR" unset in a script) would put the files at the root of the disk.
        guard !folder.trimmingCharacters(in: .whitespaces).isEmpty else {
            return [.error("the folder's name is empty; nothing was written", at: nil, hint: "name a folder, such as `my-site`, or `.` for this one")]
        }
        let manager = FileManager.default
        let location = { (file: String) in folder == "." ? file : folder + "/" + file }
        let existing = files.filter { manager.fileExists(atPath: location($0.path)) }
        if !existing.isEmpty {
            return existing.map { .error("this file already exists; nothing was written", at: SourceLocation(path: location($0.path), line: 0),
                                         hint: "move it away first, or edit it instead") }
        }
        for file in files {
            let url = URL(fileURLWithPath: location(file.path))
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url, options: .withoutOverwriting)
            } catch {
                return [.error("could not write this file: \(error.localizedDescription)", at: SourceLocation(path: location(file.path), line: 0))]
            }
        }
        return []
    }

    /// Whether `folder` is missing or holds nothing at all (hidden files count).
    public static func isEmptyOrMissing(_ folder: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return true }
        return isFolder.boolValue && ((try? FileManager.default.contentsOfDirectory(atPath: folder).isEmpty) ?? false)
    }
}
