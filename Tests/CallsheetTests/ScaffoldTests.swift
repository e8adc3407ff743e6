import Foundation
import Testing
@testable import Callsheet

/// What `build-site new` writes, checked without the command line.
@Suite struct ScaffoldTests {
    @Test func theNextOrderAfterTheLargestNumberThereIsIsNoneRatherThanACrash() {
        #expect(Scaffold.nextOrder(after: [Int.max]) == nil)
        #expect(Scaffold.nextOrder(after: [Int.max - 1, 3]) == Int.max)
        #expect(Scaffold.nextOrder(after: [Int.min]) == Int.min + 1)
        #expect(Scaffold.nextOrder(after: []) == 1)
    }

    @Test(arguments: ["About", "FAQ", "Contact", "404", "Services", "Index", "Media", "Credits", "Testimonials", "News"])
    func aPageWhoseAddressTheSiteUsesIsRefusedWithTheReason(title: String) throws {
        let refusal = try #require(Scaffold.refusal(forPage: title))
        #expect(refusal.message.contains("is already used by the site"))
        // The same page really does fail the build, so the refusal is not a guess.
        let page = Scaffold.page(title: title)
        let site = try TestSite([page.path: page.text])
        defer { site.remove() }
        #expect(site.errors().contains { $0.message.contains("is already used by the site") })
    }

    @Test func anOrdinaryPageIsNotRefused() {
        #expect(Scaffold.refusal(forPage: "About the work") == nil)
        #expect(Scaffold.refusal(forPage: "Resources") == nil)
    }

    @Test func aNewsPostHasItsTitleTheGivenDateAndASummary() throws {
        let post = Scaffold.news(title: "Talk: consent on set", date: "2026-03-14")
        #expect(post.path == "news/talk-consent-on-set.md")
        let yaml = try #require(try FrontMatter.parse(post.text, path: post.path).get().yaml)
        #expect(Self.text(yaml["title"]) == "Talk: consent on set")
        #expect(Self.text(yaml["date"]) == "2026-03-14")
        #expect(Self.text(yaml["summary"])?.hasPrefix(Scaffold.placeholderMarker) == true)
    }

    static func text(_ value: YAMLValue?) -> String? {
        guard case .scalar(let text, _)? = value?.kind else { return nil }
        return text
    }

    @Test func todayIsTheDayWhereTheCoordinatorIs() throws {
        // 2026-03-14 03:00 UTC is still the 13th in Atlanta.
        let instant = Date(timeIntervalSince1970: 1_773_457_200)
        #expect(Scaffold.day(of: instant, in: try #require(TimeZone(identifier: "UTC"))) == "2026-03-14")
        #expect(Scaffold.day(of: instant, in: try #require(TimeZone(identifier: "America/New_York"))) == "2026-03-13")
    }

    @Test func everyScaffoldMarksItsPlaceholders() throws {
        let texts = [Scaffold.service(title: "Workshops", order: 1).text, Scaffold.page(title: "Resources").text,
                     Scaffold.news(title: "A talk", date: "2026-01-02").text, Scaffold.emptyFAQ,
                     try Scaffold.addQuestion("Do you travel?", group: nil, to: Scaffold.emptyFAQ).get().text]
            + Scaffold.site().filter { $0.path.hasSuffix(".md") || $0.path.hasSuffix(".yml") }.map(\.text)
        for text in texts {
            #expect(text.contains(Scaffold.placeholderMarker), "\(text)")
        }
    }

    @Test func aVeryLongTitleMakesAShortFileName() {
        let title = String(repeating: "consent and boundaries ", count: 20)
        let path = Scaffold.page(title: title).path
        #expect(path.count <= "pages/".count + 60 + ".md".count)
        #expect(!path.contains("-.md"))
    }

    @Test func theStarterSiteBuildsWithTheBuiltInThemeAndPassesTheCheck() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-starter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Scaffold.write(Scaffold.site().map { ($0.path, Data($0.text.utf8)) }, into: root.path).isEmpty)
        let options = BuildOptions(contentDirectory: root.appendingPathComponent("content").path,
                                   templatesDirectory: root.appendingPathComponent("templates").path,
                                   outputDirectory: root.appendingPathComponent("public").path, builtInTheme: true)
        let report = try SiteBuilder(options: options).render()
        #expect(report.warnings.map(\.summary) == [])
        let problems = SiteChecker(report: report).check()
        #expect(problems.filter { $0.severity == .error }.map(\.summary) == [])
        // The check lists every placeholder still there (as warnings, which fail `check --strict`).
        let placeholders = problems.filter { $0.message.contains(Scaffold.placeholderMarker) }
        #expect(placeholders.count >= 10)
        let pages = Set(report.site.files.keys)
        for page in ["index.html", "about/index.html", "faq/index.html", "services/index.html", "contact/index.html",
                     "services/intimacy-coordination/index.html", "privacy/index.html", "404.html", "assets/style.css"] {
            #expect(pages.contains(page), "\(page) is missing")
        }
        #expect(report.site.files["contact/index.html"]?.contains("mailto:you@example.com") == true)
    }

    @Test func writingRefusesEveryFileInTheWayAndWritesNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: root.appendingPathComponent("b.txt"))
        let problems = Scaffold.write([("a.txt", Data("a".utf8)), ("b.txt", Data("b".utf8))], into: root.path)
        #expect(problems.map(\.message) == ["this file already exists; nothing was written"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("a.txt").path))
        #expect(try String(contentsOf: root.appendingPathComponent("b.txt"), encoding: .utf8) == "mine")
    }
}
