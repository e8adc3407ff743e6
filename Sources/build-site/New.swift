import ArgumentParser
import Callsheet
import Foundation

/// `build-site new ...`: starts a site, a theme, or a file with the right front matter.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site, a copy of the theme, or a service, page, news post or FAQ question.",
        discussion: """
        Examples:
          build-site new site my-site
          build-site new service "Consent workshops"
          build-site new page "Resources"
          build-site new news "A talk on consent at the Film Forum"
          build-site new faq "Do you travel?" --group "Working together"
          build-site new theme
        """,
        subcommands: [NewSite.self, NewService.self, NewPage.self, NewNews.self, NewFAQ.self, NewTheme.self])
}

/// The content folder that `new service`, `page`, `news` and `faq` write into.
struct NewContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of Markdown content.", valueName: "dir"))
    var content = "content"

    @Option(help: ArgumentHelp("Write the translation into this language of site.yml's `languages:` (faq.es.md).", valueName: "code"))
    var lang: String?

    /// Stops with an error unless the content folder exists (and `--lang` is a language of site.yml).
    func requireFolder() {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
            Scaffolding.fail("the folder `\(content)` does not exist", hint: "run this in the site's folder, or name the folder with --content")
        }
        guard let lang else { return }
        let site = content + "/site.yml"
        let config = (try? String(contentsOfFile: site, encoding: .utf8)).flatMap { SiteConfig.parse($0, path: site).0 }
        if !(config?.languages.contains { $0.code == lang } ?? false) {
            Scaffolding.fail("site.yml declares no language `\(lang)`", location: SourceLocation(path: site, line: 0),
                             hint: "add `- code: \(lang)` under `languages:` in site.yml first")
        }
    }

    /// `faq.md` as the file of `--lang`'s translation: `faq.es.md`.
    func translated(_ file: String) -> String {
        guard let lang else { return file }
        return String(file.dropLast(3)) + "." + lang + ".md"
    }

    /// Writes a new file into the content folder, refusing to overwrite one, and says where it is.
    func create(_ file: (path: String, text: String)) {
        requireFolder()
        let path = translated(file.path)
        Scaffolding.write([(path, Data(file.text.utf8))], into: content)
        Console.say("Created \(content)/\(path)")
    }
}

/// What the `new` commands share: title checks, writing, and failing like the build does.
enum Scaffolding {
    /// A title must make a page address: it needs letters or digits.
    static func validateTitle(_ title: String) throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
        if Slug.anchor(from: title) == "section" && !title.lowercased().contains("section") {
            throw ValidationError("the title needs some letters or digits to make the page's address from")
        }
    }

    /// Writes `files` into `folder`, or stops with every file that is in the way.
    static func write(_ files: [(path: String, data: Data)], into folder: String) {
        let problems = Scaffold.write(files, into: folder)
        if !problems.isEmpty {
            Console.printDiagnostics(problems, quiet: false, summary: false)
            Foundation.exit(1)
        }
    }

    static func fail(_ message: String, location: SourceLocation? = nil, hint: String? = nil) -> Never {
        Console.printDiagnostics([.error(message, at: location, hint: hint)], quiet: false, summary: false)
        Foundation.exit(1)
    }
}
