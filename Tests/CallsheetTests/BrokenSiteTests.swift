import Foundation
import Testing
@testable import Callsheet

/// Sites with one defect each (Fixtures/broken/<case>): a good build first, then the defect applied
/// (`overlay/` files copied over the site, `remove.txt` paths deleted, `symlink.txt` links made).
/// Each must fail with the first error in `expected.txt` and leave the previous output untouched.
/// CALLSHEET_RECORD=1 re-records `expected.txt` (and fails once).
@Suite struct BrokenSiteTests {
    static let folder = Repository.fixtures.appendingPathComponent("broken")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func thereAreAtLeastTwentyBrokenSites() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func brokenSiteFailsAtItsLineAndKeepsThePreviousOutput(name: String) throws {
        let fixture = Self.folder.appendingPathComponent(name)
        let site = try TestSite([:])
        defer { site.remove() }
        let manager = FileManager.default
        let content = site.root.appendingPathComponent("content")
        try manager.removeItem(at: content)
        try manager.copyItem(at: Repository.fixtures.appendingPathComponent("small-site/input/content"), to: content)
        try site.buildOK()
        let before = site.tree()
        let hiddenBefore = try manager.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }

        try apply(fixture, to: site)
        let result = site.build()
        guard case .failure(let failure) = result else {
            Issue.record("\(name) built without errors")
            return
        }
        let errors = failure.diagnostics.filter { $0.severity == .error }
        let first = try #require(errors.first).description.split(separator: "\n").first.map(String.init) ?? ""
        let printed = first.replacingOccurrences(of: site.root.path + "/", with: "")
        let expectedFile = fixture.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["CALLSHEET_RECORD"] == "1" {
            try Data((printed + "\n").utf8).write(to: expectedFile)
            Issue.record("recorded \(name): \(printed)")
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(printed == expected)
        #expect(site.tree() == before, "the previous output changed")
        // What the good build left beside the output (its image cache) may stay; the failed one adds nothing.
        let leftovers = try manager.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.sorted() == hiddenBefore.sorted(), "temporary folders left behind: \(leftovers)")
    }

    func apply(_ fixture: URL, to site: TestSite) throws {
        let manager = FileManager.default
        let overlay = fixture.appendingPathComponent("overlay")
        for (path, data) in TestSite.tree(at: overlay) {
            let target = site.root.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? manager.removeItem(at: target)
            try data.write(to: target)
        }
        for line in lines(fixture.appendingPathComponent("remove.txt")) {
            try manager.removeItem(at: site.root.appendingPathComponent(line))
        }
        for line in lines(fixture.appendingPathComponent("symlink.txt")) {
            let parts = line.components(separatedBy: " -> ")
            try manager.createSymbolicLink(atPath: site.path(parts[0]), withDestinationPath: parts[1])
        }
    }

    func lines(_ url: URL) -> [String] {
        ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
