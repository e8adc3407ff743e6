import ArgumentParser
import Callsheet
import Foundation

/// `build-site`: builds the site; `build` is the default subcommand.
struct BuildSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build an intimacy coordinator's portfolio site from Markdown and Mustache templates.",
        subcommands: [Build.self, Serve.self, Check.self, New.self, RenderMarkdown.self],
        defaultSubcommand: Build.self
    )
}

/// The options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of Markdown content.")
    var content = "content"

    @Option(name: .long, help: "The folder of Mustache templates (default: templates, or else Callsheet's own default theme).")
    var templates: String?

    @Option(name: .long, help: "The folder the site is written to.")
    var output = "public"

    @Option(name: .customLong("base-url"), help: "The site's address, replacing base_url from site.yml.")
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Print errors only.")
    var quiet = false

    @Flag(name: .long, help: "Print more about what the build does.")
    var verbose = false

    @Option(name: .long, help: "How many pages to render at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// `--templates`, else `templates` here, else the default theme that came with Callsheet (the
    /// `templates` folder of the package `build-site` was built from), so a site can start as content only.
    var templatesDirectory: String {
        if let templates { return templates }
        if FileManager.default.fileExists(atPath: "templates") { return "templates" }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("templates")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) {
                return candidate.path
            }
        }
        return "templates"
    }

    func buildOptions(force: Bool = false) -> BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templatesDirectory, outputDirectory: output,
                     baseURL: baseURL, includeDrafts: drafts, jobs: jobs, force: force)
    }
}

/// Prints diagnostics on stderr, like a compiler, and messages on stdout, unbuffered so that `serve`'s
/// lines appear at once even in a pipe.
enum Console {
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], quiet: Bool, summary: Bool = true) {
        var text = ""
        for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
            text += diagnostic.description + "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if summary {
            var counts: [String] = []
            if errors > 0 { counts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
            if warnings > 0 && !quiet { counts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
            if !counts.isEmpty { text += counts.joined(separator: ", ") + "\n" }
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
