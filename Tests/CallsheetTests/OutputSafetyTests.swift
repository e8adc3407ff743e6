import Foundation
import Testing
@testable import Callsheet
#if canImport(Glibc)
import Glibc
#endif

/// The build writes only inside its output folder and reads only inside its source folders, whatever
/// was left there: real builds into real folders.
@Suite struct OutputSafetyTests {
    static let page = ["pages/a.md": "---\ntitle: A\n---\nA.\n", "media/photo.txt": "first"]

    /// `--force` replaces a folder Callsheet did not make, but never one the system lives in: `--output /etc
    /// --force` got as far as the folder exchange, stopped only because /etc was a mount point there.
    @Test(arguments: ["/etc", "/usr", "/var", "/tmp", "/home", "/usr/lib", "/etc/nginx", "/var/lib", "/proc/self", "/boot/efi", "/bin/x"])
    func aSystemFolderIsRefusedEvenWithForce(path: String) {
        let refusal = OutputWriter(path: path).checkSafety(sources: [], force: true)
        #expect(refusal?.message.hasPrefix("will not write the site to `\(path)`") == true, "\(String(describing: refusal))")
    }

    @Test(arguments: ["/var/www/html", "/srv/site", "/home/sam/site/public", "/tmp/x/public", "/opt/site/public"])
    func aSitesFolderOutsideTheSystemIsNoSystemFolder(path: String) {
        #expect(OutputWriter.systemFolder(path) == nil)
    }

    @Test func linksLeftInTheOutputAreReplacedNeverWrittenThrough() throws {
        let site = try TestSite(Self.page)
        defer { site.remove() }
        try site.write("my own notes", to: "notes.txt")
        try site.write("my own picture", to: "pictures/photo.txt")
        try site.buildOK()
        try site.buildOK()
        let manager = FileManager.default
        try manager.removeItem(atPath: site.path("public/robots.txt"))
        try manager.createSymbolicLink(atPath: site.path("public/robots.txt"), withDestinationPath: site.path("notes.txt"))
        try manager.removeItem(atPath: site.path("public/sitemap.xml"))
        try manager.linkItem(atPath: site.path("notes.txt"), toPath: site.path("public/sitemap.xml"))
        try manager.removeItem(atPath: site.path("public/media"))
        try manager.createSymbolicLink(atPath: site.path("public/media"), withDestinationPath: site.path("pictures"))
        try manager.removeItem(atPath: site.path("public/404.html"))
        #expect(mkfifo(site.path("public/404.html"), 0o644) == 0)
        // The folder with the links is written into by the build after next.
        try site.buildOK()
        try site.buildOK()
        // The hidden folder itself replaced by a link to a folder of the user's.
        try manager.removeItem(atPath: site.path(".public.callsheet-previous"))
        try manager.createSymbolicLink(atPath: site.path(".public.callsheet-previous"), withDestinationPath: site.path("pictures"))
        try site.buildOK()
        #expect(try manager.contentsOfDirectory(atPath: site.path("pictures")) == ["photo.txt"])
        #expect(try String(contentsOfFile: site.path("notes.txt"), encoding: .utf8) == "my own notes")
        #expect(try String(contentsOfFile: site.path("pictures/photo.txt"), encoding: .utf8) == "my own picture")
        #expect(site.read("robots.txt")?.hasPrefix("User-agent") == true)
        #expect(site.read("media/photo.txt") == "first")
        #expect(site.read("404.html")?.contains("<html") == true)
        var status = stat()
        #expect(lstat(site.path("public/media"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR, "public/media is still a link")
    }

    @Test func anOutputBehindALinkedParentIsCheckedWhereItWouldLand() throws {
        let site = try TestSite(Self.page)
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.path("out-link"), withDestinationPath: site.path("content"))
        guard case .failure(let failure) = site.build(output: "out-link/public") else {
            Issue.record("the build wrote into the content folder")
            return
        }
        #expect(failure.diagnostics.map(\.message).contains { $0.contains("will not write the site to") && $0.contains("inside") })
        #expect(!FileManager.default.fileExists(atPath: site.path("content/public")))
    }

    @Test func aFailedBuildCreatesNoFolders() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\n[broken](nope.md)\n"])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try site.buildOK(output: "deploy/www/public") }
        #expect(!FileManager.default.fileExists(atPath: site.path("deploy")))
        #expect(throws: BuildFailure.self) { try site.buildOK() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "templates"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "templates"])
    }

    @Test func aFailedBuildWithPicturesCreatesNoFoldersEither() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\n![A picture](../media/photo.jpg) and [broken](nope.md)\n"])
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.path("content/media"), withIntermediateDirectories: true)
        try Data(TestImages.phoneJPEG(width: 40, height: 30)).write(to: site.root.appendingPathComponent("content/media/photo.jpg"))
        #expect(throws: BuildFailure.self) { try site.buildOK(output: "deploy/www/public") }
        #expect(!FileManager.default.fileExists(atPath: site.path("deploy")))
        #expect(throws: BuildFailure.self) { try site.buildOK() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "templates"])
        // The pictures are still processed once the site builds.
        try site.write("---\ntitle: A\n---\n![A picture](../media/photo.jpg)\n", to: "content/pages/a.md")
        try site.buildOK(output: "deploy/www/public")
        let published = site.tree("deploy/www/public").keys.filter { $0.hasPrefix("media/photo") }
        #expect(!published.isEmpty, "\(site.tree("deploy/www/public").keys.sorted())")
        #expect(FileManager.default.fileExists(atPath: site.path("deploy/www/.public.callsheet-cache")))
    }

    @Test func aMediaEditThatKeepsSizeAndTimeIsStillPublished() throws {
        let site = try TestSite(Self.page)
        defer { site.remove() }
        try site.buildOK()
        try site.buildOK()
        // `cp -p` from a file of the same size and time, as a sync tool or an unpacked archive leaves it.
        try Self.editKeepingSizeAndTime("content/media/photo.txt", to: "again", in: site)
        for _ in 0..<3 {
            try site.buildOK()
            #expect(site.read("media/photo.txt") == "again")
        }
        // The same kind of edit to a published copy is undone by the next builds.
        try Self.editKeepingSizeAndTime("public/media/photo.txt", to: "wrong", in: site)
        for _ in 0..<3 {
            try site.buildOK()
            #expect(site.read("media/photo.txt") == "again")
        }
    }

    @Test func aContentFileSwappedForALinkAfterTheScanIsNotRead() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nA.\n"])
        defer { site.remove() }
        try site.write("secret", to: "outside/a.md")
        let (scanned, problems) = SourceTree.scan(site.path("content"))
        let tree = try #require(scanned)
        #expect(problems.isEmpty)
        let manager = FileManager.default
        try manager.removeItem(atPath: site.path("content/pages/a.md"))
        try manager.createSymbolicLink(atPath: site.path("content/pages/a.md"), withDestinationPath: site.path("outside/a.md"))
        guard case .failure(let error) = tree.readText("pages/a.md") else {
            Issue.record("the link was followed")
            return
        }
        #expect(error.summary.hasSuffix("content/pages/a.md:1:1: this file was replaced by a symbolic link while the site was being built"))
        // A folder swapped for a link to a folder outside: the same.
        try manager.removeItem(atPath: site.path("content/pages"))
        try manager.createSymbolicLink(atPath: site.path("content/pages"), withDestinationPath: site.path("outside"))
        guard case .failure = tree.readText("pages/a.md") else {
            Issue.record("the linked folder was followed")
            return
        }
    }

    @Test func aPipeOrASocketInMediaIsNamedInBuildAndCheck() throws {
        let site = try TestSite(Self.page)
        defer { site.remove() }
        #expect(mkfifo(site.path("content/media/pipe.svg"), 0o644) == 0)
        try Self.run("/usr/bin/python3", ["-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])",
                                          site.path("content/media/talk.svg")])
        let expected = ["content/media/pipe.svg:1:1: this is not a regular file but a named pipe (FIFO); it cannot be published",
                        "content/media/talk.svg:1:1: this is not a regular file but a socket; it cannot be published"]
        #expect(site.errors().map(\.summary) == expected)
        for command in [[], ["check"]] {
            let run = try CommandLineTests.run(command, in: site.root)
            #expect(run.status == 1)
            #expect(run.stderr.contains("content/media/pipe.svg:1:1: error: this is not a regular file"), "\(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aFolderNestedTooDeepSaysSo() throws {
        let deep = "media/" + Array(repeating: "d", count: 34).joined(separator: "/")
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nA.\n", deep + "/f.txt": "x"])
        defer { site.remove() }
        let limit = "content/media/" + Array(repeating: "d", count: 31).joined(separator: "/")
        #expect(site.errors().map(\.summary) == ["\(limit):1:1: this folder is nested more than 32 folders deep, which is as deep as Callsheet reads"])
    }

    // MARK: As a user without root's rights (root reads and writes past every permission)

    @Test func anUnreadableMediaFileIsNamedInBuildAndCheck() throws {
        let site = try TestSite(Self.page)
        defer { site.remove() }
        try site.write("private", to: "content/media/secret.svg")
        chmod(site.path("content/media/secret.svg"), 0)
        for command in [[], ["check"]] {
            guard let run = try Self.runUnprivileged(command, in: site) else { return }
            #expect(run.status == 1)
            #expect(run.stderr.contains("content/media/secret.svg:1:1: error: this file cannot be read (permission denied)"), "\(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aReadOnlyOutputFolderIsNamedInBuildAndCheck() throws {
        let site = try TestSite(Self.page)
        defer { site.remove() }
        guard let first = try Self.runUnprivileged([], in: site) else { return }
        #expect(first.status == 0, "\(first.stderr)")
        let before = site.tree()
        chmod(site.path("public"), 0o555)
        defer { chmod(site.path("public"), 0o755) }
        for command in [[], ["check"], []] {
            guard let run = try Self.runUnprivileged(command, in: site) else { return }
            #expect(run.status == 1)
            #expect(run.stderr.contains("error: will not write the site to `public`: it is read-only"), "\(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        }
        #expect(site.tree() == before)
    }

    /// Runs build-site as `nobody` on a site handed to that user; nil (and a note) where that is not possible.
    static func runUnprivileged(_ arguments: [String], in site: TestSite) throws -> CommandLineTests.Run? {
        guard getuid() == 0 else { return try CommandLineTests.run(arguments, in: site.root) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: running as root and setpriv (util-linux) is missing, so permissions cannot be tested")
            return nil
        }
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", CommandLineTests.executable.path]
        guard try Tool.run("/usr/bin/setpriv", asNobody + ["--help"]).status == 0 else {
            print("skipped: running as root and the user nobody cannot run \(CommandLineTests.executable.path)")
            return nil
        }
        try run("/bin/chown", ["-R", "65534:65534", site.root.path])
        return try Tool.run("/usr/bin/setpriv", asNobody + arguments, in: site.root)
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let run = try Tool.run(tool, arguments)
        #expect(run.status == 0, "\(tool) \(arguments) failed: \(run.stderr)")
    }

    /// Puts `text` (as long as what is there) into `path` the way `cp -p` does: same size, same modification time.
    static func editKeepingSizeAndTime(_ path: String, to text: String, in site: TestSite) throws {
        try site.write(text, to: "edit.txt")
        try run("/usr/bin/touch", ["-r", site.path(path), site.path("edit.txt")])
        try run("/bin/cp", ["-p", site.path("edit.txt"), site.path(path)])
    }
}
