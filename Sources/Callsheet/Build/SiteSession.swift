import Foundation

/// Builds one site again and again in the same process (`serve`). After the first build, each build is
/// told which files changed and takes the rest from the last build that succeeded: the readings of the
/// other files, the parsed templates, and every page whose output cannot have changed.
public final class SiteSession: @unchecked Sendable {  // its state is behind `lock`
    public let options: BuildOptions
    private let lock = NSLock()
    private var memory: BuildMemory?
    /// What changed since the build `memory` holds (a failed build leaves it to the next).
    private var pending = SourceChanges()

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds and writes the site. `changed` are the paths that changed since the last build (as the file
    /// watcher names them, inside the content or templates folder); nil when anything may have.
    public func build(changed: [String]?) throws(BuildFailure) -> BuildReport {
        lock.lock()
        defer { lock.unlock() }
        if let changed { record(changed) } else { pending.everything = true }
        // The memory is this build's alone while it runs, so it is changed in place rather than copied.
        var current = memory.take()
        defer { memory = current }
        let outcome = try SiteBuilder(options: options).build(after: pending, in: &current)
        pending = SourceChanges()
        var report = outcome.report
        report.reusedPages = outcome.reused
        return report
    }

    /// Files the last build could not follow one by one (a template, or a path outside both folders) make
    /// the next one take nothing from it but what it may.
    private func record(_ paths: [String]) {
        let content = Self.folders(options.contentDirectory)
        let templates = Self.folders(options.templatesDirectory)
        for path in paths {
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            if let inside = content.lazy.compactMap({ Self.relative(full, to: $0) }).first {
                pending.contentFiles.insert(inside)
            } else if templates.contains(where: { Self.relative(full, to: $0) != nil }) {
                pending.templates = true
            } else {
                pending.everything = true
            }
        }
    }

    /// A folder as written and with its links resolved: a watcher may name its files either way.
    private static func folders(_ path: String) -> [String] {
        let written = URL(fileURLWithPath: path).standardizedFileURL.path
        return [written, OutputWriter.resolve(path)]
    }

    /// `path` inside `folder`, or nil when it is not inside it.
    private static func relative(_ path: String, to folder: String) -> String? {
        guard path.hasPrefix(folder + "/") else { return nil }
        return String(path.dropFirst(folder.count + 1))
    }
}
