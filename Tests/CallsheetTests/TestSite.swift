import Foundation
@testable import Callsheet

/// The repository's folders, found from this file's path.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: String { root.appendingPathComponent("content").path }
    static var templates: String { root.appendingPathComponent("templates").path }
    static var fixtures: URL { root.appendingPathComponent("Tests/CallsheetTests/Fixtures") }
}

/// A site in a temporary folder: `content/` from a dictionary (or a copy of the sample), the default
/// templates unless given, and an output folder to build into.
struct TestSite {
    let root: URL

    static let minimalSiteYML = """
    title: Test Coordinator
    tagline: Intimacy coordination for tests.
    base_url: https://example.com/
    owner:
      name: Sam Test
      email: sam@example.com
    """

    /// A site whose content is `files` (paths inside content/), with a minimal site.yml unless one is given.
    init(_ files: [String: String], templates: [String: String]? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-test-\(UUID().uuidString)")
        var files = files
        if files["site.yml"] == nil { files["site.yml"] = Self.minimalSiteYML }
        for (path, text) in files { try write(text, to: "content/" + path) }
        if let templates {
            for (path, text) in templates { try write(text, to: "templates/" + path) }
        } else {
            try FileManager.default.copyItem(atPath: Repository.templates, toPath: root.appendingPathComponent("templates").path)
        }
    }

    /// A copy of the sample site in content/.
    static func sample() throws -> TestSite {
        let site = try TestSite([:])
        let content = site.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(atPath: Repository.content, toPath: content.path)
        return site
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func options(output: String = "public", baseURL: String? = nil, drafts: Bool = false, jobs: Int = 2) -> BuildOptions {
        BuildOptions(contentDirectory: path("content"), templatesDirectory: path("templates"), outputDirectory: path(output),
                     baseURL: baseURL, includeDrafts: drafts, jobs: jobs)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Builds into `output`; returns the report or the failure's diagnostics.
    @discardableResult
    func build(output: String = "public", baseURL: String? = nil, drafts: Bool = false, jobs: Int = 2) -> Result<BuildReport, BuildFailure> {
        do {
            return .success(try SiteBuilder(options: options(output: output, baseURL: baseURL, drafts: drafts, jobs: jobs)).build())
        } catch {
            return .failure(error)
        }
    }

    /// Builds, throwing the failure when the build fails.
    @discardableResult
    func buildOK(output: String = "public", baseURL: String? = nil, drafts: Bool = false, jobs: Int = 2) throws -> BuildReport {
        try build(output: output, baseURL: baseURL, drafts: drafts, jobs: jobs).get()
    }

    /// Builds and returns the errors, with paths made relative to the site folder.
    func errors() -> [Diagnostic] {
        guard case .failure(let failure) = build() else { return [] }
        return failure.diagnostics.filter { $0.severity == .error }.map(relative)
    }

    /// Builds and returns the warnings of a successful build.
    func warnings() -> [Diagnostic] {
        guard case .success(let report) = build() else { return [] }
        return report.warnings.map(relative)
    }

    private func relative(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        if let location = diagnostic.location, location.path.hasPrefix(root.path + "/") {
            diagnostic.location?.path = String(location.path.dropFirst(root.path.count + 1))
        }
        return diagnostic
    }

    /// A built file's text.
    func read(_ path: String, output: String = "public") -> String? {
        try? String(contentsOf: root.appendingPathComponent(output).appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file of a built output, relative path -> bytes.
    func tree(_ output: String = "public") -> [String: Data] {
        Self.tree(at: root.appendingPathComponent(output))
    }

    static func tree(at directory: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        let prefix = directory.resolvingSymlinksInPath().path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            files[String(path.dropFirst(prefix.count))] = try? Data(contentsOf: url)
        }
        return files
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

extension Diagnostic {
    /// `path:line:col: message`, the part a test asserts.
    var summary: String { "\(location.map(\.description) ?? "-"): \(message)" }
}

/// Runs any program and collects what it printed (for tools a test drives: strace, setpriv, cp).
enum Tool {
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }
}
