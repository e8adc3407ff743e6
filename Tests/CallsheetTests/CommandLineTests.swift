import Foundation
import Testing

/// Runs the real `build-site` executable, as a coordinator would.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("build-site")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Repository.root.appendingPathComponent(".build/debug/build-site")
    }

    static func run(_ arguments: [String], in directory: URL, program: URL = executable) throws -> Run {
        try Tool.run(program.path, arguments, in: directory)
    }

    @Test func aGoodBuildPrintsOneSummaryLine() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try Self.run([], in: site.root)
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^Built 18 pages in \d+ ms -> public/\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(run.stderr.isEmpty)
    }

    @Test func aBrokenSitePrintsEveryErrorLikeACompilerAndExitsWithOne() throws {
        let site = try TestSite([
            "faq.md": "---\ntitle: FAQ\n---\n## No answer?\n\n## Also none?\n",
            "index.md": "---\ntitle: Home\norder: soon\n---\nHi.\n",
        ])
        defer { site.remove() }
        let run = try Self.run([], in: site.root)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("content/index.md:3:8: error: `order` must be a whole number, such as `3`"))
        // The FAQ's errors are not hidden behind the home page's: every stage that can run does.
        #expect(lines.contains("content/faq.md:4:1: error: this question has no answer"))
        #expect(lines.last == "3 errors")
        #expect(!FileManager.default.fileExists(atPath: site.path("public")))
    }

    @Test func faqErrorsAreAllReportedInOneRun() throws {
        let site = try TestSite(["faq.md": "---\ntitle: FAQ\n---\n## No answer?\n\n## Also none?\n"])
        defer { site.remove() }
        let run = try Self.run([], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/faq.md:4:1: error: this question has no answer\n"))
        #expect(run.stderr.contains("content/faq.md:6:1: error: this question has no answer\n"))
        #expect(run.stderr.hasSuffix("2 errors\n"))
    }

    @Test(arguments: [["--no-such-flag"], ["--jobs", "0"], ["--jobs", "many"], ["build", "extra"], ["--base-url", "ftp://x"]])
    func badCommandLinesExitWithOneAndSayWhy(arguments: [String]) throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try Self.run(arguments, in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func helpExitsWithZero() throws {
        let run = try Self.run(["--help"], in: FileManager.default.temporaryDirectory)
        #expect(run.status == 0)
        #expect(run.stdout.contains("build (default)"))
        let build = try Self.run(["build", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(build.status == 0)
        #expect(build.stdout.contains("--base-url"))
    }

    @Test func aFolderCallsheetDidNotMakeIsNotReplacedWithoutForce() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.write("my notes", to: "public/notes.txt")
        let refused = try Self.run([], in: site.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("was not made by Callsheet"))
        #expect(site.read("notes.txt") == "my notes")
        let forced = try Self.run(["--force"], in: site.root)
        #expect(forced.status == 0)
        #expect(site.read("notes.txt") == nil)
        #expect(site.read("index.html") != nil)
    }

    @Test(arguments: [".", "content", "content/public", "templates/out"])
    func dangerousOutputFoldersAreRefused(output: String) throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let run = try Self.run(["--output", output, "--force"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("will not write the site to"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.path("content/faq.md")))
    }
}
