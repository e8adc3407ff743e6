import Foundation
import Testing
@testable import Callsheet

/// A new user's first steps with the `build-site` program itself: a copied binary, `new site`,
/// `new theme`, `--version`, and commands that forgive a typo.
@Suite struct StartupCommandTests {
    typealias Run = CommandLineTests.Run

    /// An empty folder outside the checkout.
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-startup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The program copied into `folder`, as a user would copy a downloaded binary.
    static func copiedProgram(into folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("bin/build-site")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineTests.executable, to: copy)
        return copy
    }

    static func run(_ program: URL, _ arguments: [String], in directory: URL) throws -> Run {
        try CommandLineTests.run(arguments, in: directory, program: program)
    }

    @Test func aCopiedProgramBuildsTheSampleSiteWithItsBuiltInThemeExactlyAsWithTheRepositorysTemplates() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = try Self.copiedProgram(into: folder)
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.content, toPath: site.appendingPathComponent("content").path)
        let builtIn = try Self.run(program, ["--output", "built-in"], in: site)
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        let own = try Self.run(program, ["--output", "own", "--templates", Repository.templates], in: site)
        #expect(own.status == 0, "\(own.stderr)")
        let withBuiltIn = TestSite.tree(at: site.appendingPathComponent("built-in"))
        #expect(withBuiltIn.count > 10)
        #expect(withBuiltIn == TestSite.tree(at: site.appendingPathComponent("own")))
    }

    @Test func aNewSiteFromACopiedProgramBuildsAndPassesTheCheck() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = try Self.copiedProgram(into: folder)
        let created = try Self.run(program, ["new", "site", "my site"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("  cd 'my site'\n  \(program.path) serve\n"), "\(created.stdout)")
        let site = folder.appendingPathComponent("my site")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates").path))
        let build = try Self.run(program, [], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "\(build.stderr)")
        for page in ["index.html", "about/index.html", "faq/index.html", "services/index.html", "contact/index.html",
                     "contact/thanks/index.html", "privacy/index.html", "404.html", "assets/style.css", "sitemap.xml"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/" + page).path), "\(page)")
        }
        let check = try Self.run(program, ["check"], in: site)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains(": 0 errors") || check.stdout.contains("no problems"), "\(check.stdout)")
        // What is still to be written is listed, and fails the strict check until it is.
        let strict = try Self.run(program, ["check", "--strict"], in: site)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/faq.md:10:1: warning: placeholder text"), "\(strict.stderr)")
    }

    /// `new site ""` (a script's "$DIR" unset) named the root of the disk: it wrote content/ there.
    @Test(arguments: ["", " "])
    func anEmptyFolderNameIsRefusedAndNothingIsWritten(name: String) throws {
        let probe = "callsheet-test-\(UInt32.random(in: 0...UInt32.max)).txt"
        let problems = Scaffold.write([(probe, Data("x".utf8))], into: name)
        defer { try? FileManager.default.removeItem(atPath: "/" + probe) }
        #expect(problems.map(\.message) == ["the folder's name is empty; nothing was written"])
        #expect(!FileManager.default.fileExists(atPath: "/" + probe) && !FileManager.default.fileExists(atPath: name + "/" + probe))
    }

    @Test func aNewSiteIsRefusedInAFolderThatIsNotEmpty() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes".utf8).write(to: folder.appendingPathComponent(".notes"))
        let run = try CommandLineTests.run(["new", "site", "."], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: the folder `.` is not empty"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".notes"])
    }

    @Test func aThemeFolderWithOnlyAStylesheetKeepsTheRestOfTheBuiltInTheme() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.path("templates"))
        let theme = try CommandLineTests.run(["new", "theme"], in: site.root)
        #expect(theme.status == 0, "\(theme.stderr)")
        #expect(TestSite.tree(at: site.root.appendingPathComponent("templates")) == TestSite.tree(at: Repository.root.appendingPathComponent("templates")))
        let again = try CommandLineTests.run(["new", "theme"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("templates/layout.mustache:1:1: error: this file already exists; nothing was written"))

        let templates = site.root.appendingPathComponent("templates")
        for path in TestSite.tree(at: templates).keys where path != "assets/style.css" {
            try FileManager.default.removeItem(at: templates.appendingPathComponent(path))
        }
        try Data("body { color: #123456; }\n".utf8).write(to: templates.appendingPathComponent("assets/style.css"))
        let build = try CommandLineTests.run([], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.read("assets/style.css") == "body { color: #123456; }\n")
        let whole = try CommandLineTests.run(["--templates", Repository.templates, "--output", "whole"], in: site.root)
        #expect(whole.status == 0, "\(whole.stderr)")
        let restyled = site.tree(), reference = site.tree("whole")
        #expect(Set(restyled.keys) == Set(reference.keys))
        #expect(restyled.filter { $0.key != "assets/style.css" } == reference.filter { $0.key != "assets/style.css" })
    }

    @Test func aTemplateFolderThatDoesNotExistIsAnErrorWhenNamed() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try CommandLineTests.run(["--templates", "theme"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: the templates folder `theme` does not exist"), "\(run.stderr)")
    }

    @Test func theVersionNamesTheProgramAndTheCLibrariesItRunsWith() throws {
        let run = try CommandLineTests.run(["--version"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.range(of: #"^build-site \d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(lines.contains { $0.range(of: #"^libcmark \d+\.\d+\.\d+$"#, options: .regularExpression) != nil }, "\(run.stdout)")
    }

    @Test(arguments: [(["serv"], "`serv` is not a build-site command; did you mean `serve`?"),
                      (["chekc", "--strict"], "`chekc` is not a build-site command; did you mean `check`?"),
                      (["new", "servce", "Workshops"], "`servce` is not a `build-site new` command; did you mean `service`?"),
                      (["publish"], "`publish` is not a build-site command; the commands are build, serve, check, new")])
    func aMistypedCommandSaysWhatWasMeant(arguments: [String], message: String) throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try CommandLineTests.run(arguments, in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr == "error: \(message)\n")
        #expect(!FileManager.default.fileExists(atPath: site.path("public")))
    }

    @Test(arguments: ["--output", "--verbose", "--force"])
    func checkDoesNotOfferOptionsThatDoNothingThere(option: String) throws {
        let help = try CommandLineTests.run(["check", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(!help.stdout.contains(option))
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try CommandLineTests.run(["check", option] + (option == "--output" ? ["x"] : []), in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: Unknown option '\(option)'"), "\(run.stderr)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func shellCompletionsAreThereAsTheReadmeSays(shell: String) throws {
        let run = try CommandLineTests.run(["--generate-completion-script", shell], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        #expect(run.stdout.contains("serve") && run.stdout.contains("theme"))
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("build-site --generate-completion-script bash"))
    }

    @Test func thePublishingWorkflowInstallsWhatTheReadmesFirstCommandInstalls() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let workflow = try String(contentsOf: Repository.root.appendingPathComponent(".github/workflows/pages.yml"), encoding: .utf8)
        // The workflow reads the packages from this line with sed; the line must keep its shape.
        let first = readme.split(separator: "\n").first { $0.hasPrefix("apt-get update && apt-get install -y ") }
        let line = try #require(first.map(String.init))
        #expect(line.hasSuffix(" && swift run build-site"), "\(line)")
        #expect(line.contains("libcmark-dev"))
        #expect(workflow.contains(#"sed -n 's/^apt-get update && apt-get install -y \(.*\) && swift run build-site$/\1/p' README.md"#))
    }

    @Test func theTopLevelHelpListsTheOptionsEveryCommandTakes() throws {
        let help = try CommandLineTests.run(["--help"], in: FileManager.default.temporaryDirectory)
        for option in ["--content", "--templates", "--base-url", "--drafts", "--quiet", "--jobs", "--output", "--verbose", "--force", "--version"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
    }

    @Test func everyExampleInNewsHelpRunsAsPasted() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.path("templates"))
        let help = try CommandLineTests.run(["new", "--help"], in: site.root)
        let examples = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("build-site new ") }
        #expect(examples.count >= 5)
        for example in examples {
            // The shell's words: split at spaces outside double quotes.
            var words: [String] = [], word = "", quoted = false
            for character in example.dropFirst("build-site ".count) {
                if character == "\"" { quoted.toggle() } else if character == " " && !quoted { words.append(word); word = "" } else { word.append(character) }
            }
            words.append(word)
            let run = try CommandLineTests.run(words, in: site.root)
            #expect(run.status == 0, "\(example): \(run.stderr)")
        }
        let build = try CommandLineTests.run([], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
    }
}

/// `new service`, `new page` and `new news` at the edges a coordinator can reach.
@Suite struct NewCommandTests {
    @Test func aServiceAfterTheLargestOrderThereIsIsAnErrorAtThatOrderNotACrash() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.write("---\ntitle: Last\nsummary: The last one.\norder: 9223372036854775807\n---\nText.\n", to: "content/services/last.md")
        let run = try CommandLineTests.run(["new", "service", "Workshops"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content/services/last.md:4:8: error: this `order` is the largest whole number there is"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path("content/services/workshops.md")))
    }

    @Test func aServiceComesAfterTheOthers() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try CommandLineTests.run(["new", "service", "Workshops for schools"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Created content/services/workshops-for-schools.md\n")
        let text = try String(contentsOfFile: site.path("content/services/workshops-for-schools.md"), encoding: .utf8)
        #expect(text.contains("\norder: 6\n"))
    }

    @Test(arguments: ["About", "FAQ", "Contact", "404"])
    func aPageTheSiteAlreadyHasIsRefusedAndNothingIsWritten(title: String) throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let before = TestSite.tree(at: site.root.appendingPathComponent("content"))
        let run = try CommandLineTests.run(["new", "page", title], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: the address `/\(title.lowercased())/` is already used by the site"), "\(run.stderr)")
        #expect(TestSite.tree(at: site.root.appendingPathComponent("content")) == before)
    }

    @Test func aNewsPostIsDatedTodayOrOnTheDayGiven() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let dated = try CommandLineTests.run(["new", "news", "Panel: consent on set", "--date", "2026-03-14"], in: site.root)
        #expect(dated.status == 0, "\(dated.stderr)")
        let text = try String(contentsOfFile: site.path("content/news/panel-consent-on-set.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Panel: consent on set\"\n"))
        #expect(text.contains("\ndate: 2026-03-14\n"))
        #expect(text.contains("\nsummary: \"Replace this: "))
        let build = try CommandLineTests.run([], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.read("news/panel-consent-on-set/index.html")?.contains("Panel: consent on set") == true)
        #expect(site.read("news/feed.xml")?.contains("news/panel-consent-on-set/") == true)
        let today = try CommandLineTests.run(["new", "news", "Interview"], in: site.root)
        #expect(today.status == 0)
        let written = try String(contentsOfFile: site.path("content/news/interview.md"), encoding: .utf8)
        #expect(written.contains("\ndate: \(Scaffold.day(of: Date()))\n"))
        let bad = try CommandLineTests.run(["new", "news", "Later", "--date", "2026-02-30"], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("error: --date must be a real day"))
    }
}
