import Foundation
import Testing
@testable import Callsheet

/// Whole sites built and compared file by file with `expected/`. Set CALLSHEET_RECORD=1 to re-record;
/// a recording run fails once, so a re-record is never silent.
@Suite struct GoldenSiteTests {
    static let cases = ["small-site", "portfolio-site", "long-faq-site", "bilingual-site"]

    @Test(arguments: cases)
    func builtSiteMatchesExpectedFiles(name: String) throws {
        let fixture = Repository.fixtures.appendingPathComponent(name)
        let input = fixture.appendingPathComponent("input")
        let expectedFolder = fixture.appendingPathComponent("expected")
        let templates = FileManager.default.fileExists(atPath: input.appendingPathComponent("templates").path)
            ? input.appendingPathComponent("templates").path : Repository.templates
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(contentDirectory: input.appendingPathComponent("content").path, templatesDirectory: templates,
                                   outputDirectory: output.path, jobs: 2)
        _ = try SiteBuilder(options: options).build()
        let actual = TestSite.tree(at: output).filter { !$0.key.hasPrefix("assets/") && $0.key != OutputWriter.markerName }

        if ProcessInfo.processInfo.environment["CALLSHEET_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            Issue.record("recorded \(actual.count) files for \(name); run again without CALLSHEET_RECORD to compare")
            return
        }
        let expected = TestSite.tree(at: expectedFolder)
        #expect(Set(actual.keys) == Set(expected.keys), "files differ from \(name)/expected")
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let built = actual[path], built != data else { continue }
            Issue.record("\(path) differs from \(name)/expected:\n\(LineDiff.describe(expected: data, actual: built))")
        }
    }
}

/// A short line diff for failure messages.
enum LineDiff {
    static func describe(expected: Data, actual: Data) -> String {
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            if a != b {
                if let a { lines.append("\(index + 1) - \(a)") }
                if let b { lines.append("\(index + 1) + \(b)") }
            }
            if lines.count > 20 { lines.append("..."); break }
        }
        return lines.joined(separator: "\n")
    }
}
