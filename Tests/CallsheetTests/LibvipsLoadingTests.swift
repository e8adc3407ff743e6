import Foundation
import Testing

/// libvips and its many libraries are loaded only when an image has to be made: watched from outside,
/// through the dynamic loader's own report of every library it loads (glibc's LD_DEBUG=files).
@Suite struct LibvipsLoadingTests {
    /// Runs the program on `site` with `environment` added; its stderr holds the loader's report.
    static func build(_ site: TestSite, _ environment: [String: String] = ["LD_DEBUG": "files"]) throws -> CommandLineTests.Run {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["--quiet"]
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // The loader's report is long: into a file, so a full pipe never stops the program.
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-ld-\(UUID().uuidString)")
        try Data().write(to: report)
        defer { try? FileManager.default.removeItem(at: report) }
        let err = try FileHandle(forWritingTo: report)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        let stderr = try Data(contentsOf: report)
        return CommandLineTests.Run(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func loadedLibvips(_ run: CommandLineTests.Run) -> Bool {
        run.stderr.split(separator: "\n").contains { $0.contains("file=libvips") }
    }

    @Test func aBuildWhoseImagesAreAllCachedDoesNotLoadLibvips() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let first = try Self.build(site)
        #expect(first.status == 0, "\(first.stderr.suffix(2000))")
        // The first build makes the sample's portrait and icons, so the loader's report is there and names it.
        #expect(Self.loadedLibvips(first), "\(first.stderr.suffix(2000))")
        let again = try Self.build(site)
        #expect(again.status == 0)
        #expect(!Self.loadedLibvips(again), "\(again.stderr.suffix(2000))")
    }

    @Test func aSiteWithoutImagesNeverLoadsLibvips() throws {
        let site = try TestSite(["index.md": "---\ntitle: Home\n---\nNo pictures here.\n"])
        defer { site.remove() }
        let run = try Self.build(site)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        #expect(run.stderr.contains("file="), "the loader's report is missing: \(run.stderr.prefix(500))")
        #expect(!Self.loadedLibvips(run))
    }

    @Test func withoutLibvipsAnImageToMakeIsAnErrorAtTheLineThatNamesIt() throws {
        let site = try TestSite(["about.md": "---\ntitle: About\nphoto: media/me.jpg\nphoto_alt: Sam on set\n---\nSome words.\n"])
        defer { site.remove() }
        try site.write(bytes: TestImages.phoneJPEG(width: 300, height: 200), to: "content/media/me.jpg")
        let run = try Self.build(site, ["CALLSHEET_LIBVIPS": site.path("no-such-libvips.so")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content/about.md:3:8: error: the photo `media/me.jpg` cannot be made: libvips 8, which processes images, could not be loaded\n"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path("public")))
    }
}
