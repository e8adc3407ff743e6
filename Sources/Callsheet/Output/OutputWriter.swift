import Foundation

/// A built site held in memory: rendered files and files to copy, by output path.
public struct RenderedSite: Sendable {
    /// Generated files (pages, sitemap...), by path inside the output folder.
    public var files: [String: [UInt8]] = [:]
    /// Files copied as they are: output path -> source file on disk.
    public var copies: [String: URL] = [:]
}

/// Writes a built site so that the output folder is only ever the previous site or the new one:
/// the new site goes to a hidden folder beside it and replaces the old one in two renames.
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

    /// Writes `site` into a fresh folder and swaps it in. On any failure the old output stays as it was.
    public func write(_ site: RenderedSite) throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent, name: name)
        let staging = parent.appendingPathComponent(".\(name).callsheet-new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name).callsheet-old-\(getpid())")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var folders = Set<String>()
            let all = site.files.keys.map { ($0, true) } + site.copies.keys.map { ($0, false) }
            for (path, _) in all {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty, folders.insert(folder).inserted {
                    try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
            }
            for (path, bytes) in site.files {
                try Data(bytes).write(to: staging.appendingPathComponent(path))
            }
            for (path, source) in site.copies {
                try manager.copyItem(at: source, to: staging.appendingPathComponent(path))
            }
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                try? manager.moveItem(at: retired, to: output)
                throw error
            }
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Puts the output back as it was before an interrupted write: for Ctrl-C during a build.
    public func recoverFromInterruption() {
        removeLeftovers(in: output.deletingLastPathComponent(), name: output.lastPathComponent)
    }

    /// Removes folders left by an interrupted earlier build. If a build stopped between its two renames,
    /// the previous site is put back first.
    private func removeLeftovers(in parent: URL, name: String) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        if !manager.fileExists(atPath: output.path),
           let retired = entries.sorted().last(where: { $0.hasPrefix(".\(name).callsheet-old-") }) {
            try? manager.moveItem(at: parent.appendingPathComponent(retired), to: output)
        }
        for entry in entries where entry.hasPrefix(".\(name).callsheet-new-") || entry.hasPrefix(".\(name).callsheet-old-") {
            try? manager.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
