import ArgumentParser
import Callsheet
import Foundation

/// `build-site`: builds the site; `build` is the default subcommand.
struct BuildSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-site",
        abstract: "Build an intimacy coordinator's portfolio site from Markdown and Mustache templates.",
        discussion: """
        build, serve and check all take:
          --content <dir>     the folder of Markdown content (default: content)
          --templates <dir>   templates that replace the built-in theme's, file by file
          --base-url <url>    the site's address, replacing base_url from site.yml
          --drafts            include pages marked `draft: true`
          --quiet             print errors only
          --jobs <n>          pages rendered at once (default: the number of cores)
        build and serve also take --output <dir>, --verbose and --force.
        Every command takes --help: build-site help new
        """,
        version: CallsheetVersion.report,
        subcommands: [Build.self, Serve.self, Check.self, New.self, RenderMarkdown.self],
        defaultSubcommand: Build.self
    )
}

/// Prints diagnostics on stderr, like a compiler, and messages on stdout, unbuffered so that `serve`'s
/// lines appear at once even in a pipe.
enum Console {
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// How long each stage of a build took (`--verbose`).
    static func sayTimings(_ timings: [(stage: String, milliseconds: Double)]) {
        for (stage, time) in timings {
            say(String(format: "  %-28@ %8.1f ms", stage as NSString, time))
        }
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
