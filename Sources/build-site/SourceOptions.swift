import ArgumentParser
import Callsheet
import Foundation

/// The options of every command that builds the site (build, serve, check): what to read and how.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of Markdown content.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp(
        "Templates that replace the built-in theme's, file by file (default: templates, when it exists).", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's address, replacing base_url from site.yml.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Print errors only.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("How many pages to render at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if let templates {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("the templates folder `\(templates)` does not exist (without --templates, the built-in theme is used)")
            }
        }
    }

    /// What to build, with `output` as the output folder. The templates folder is laid over the built-in
    /// theme, so a site without one builds with the built-in theme alone.
    func buildOptions(output: String = "public", force: Bool = false) -> BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates ?? "templates", outputDirectory: output,
                     baseURL: baseURL, includeDrafts: drafts, jobs: jobs, force: force, builtInTheme: true)
    }
}
