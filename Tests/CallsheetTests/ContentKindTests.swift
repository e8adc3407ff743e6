import Foundation
import Testing
@testable import Callsheet

/// Credits, testimonials, news and the menu, on sites written for these tests.
@Suite struct ContentKindTests {
    @Test func csvFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        let table = try CSVTable.parse("title,year\r\n\"Salt, and Other\",2024\n\"The \"\"Quiet\"\" Room\",\"20\n21\"\n\n").get()
        #expect(table.records.map { $0.map(\.text) } == [["title", "year"], ["Salt, and Other", "2024"], ["The \"Quiet\" Room", "20\n21"]])
        #expect(table.records[2][1].line == 3 && table.records[2][1].column == 22)
    }

    @Test func csvWithAnUnclosedQuoteSaysWhereItOpened() {
        guard case .failure(let error) = CSVTable.parse("a,b\n1,\"open\n") else { Issue.record("parsed"); return }
        #expect(error.line == 2 && error.column == 3)
    }

    @Test(arguments: ["—", "–", "--"])
    func everyDashStartsAnAttribution(dash: String) throws {
        let (list, problems) = TestimonialList.parse("> She kept us calm.\n>\n> \(dash) Jordan Reyes, director, *Harbour Lights*\n") { _ in nil }
        #expect(problems.isEmpty)
        #expect(list.testimonials.map(\.name) == ["Jordan Reyes"])
        #expect(list.testimonials.first?.context == "director, *Harbour Lights*")
        #expect(list.testimonials.first?.quote == "She kept us calm.")
    }

    @Test func spansSortByTheirEndAndGroupsKeepTheOrderOfFirstUse() throws {
        let site = try TestSite(["credits.md": """
            ---
            credits:
              - {title: Old Film, year: 2019, kind: Film}
              - {title: Long Series, year: 2021-2025, kind: Series}
              - {title: New Film, year: 2024, kind: Film, role: Consultant}
            ---
            """])
        defer { site.remove() }
        try site.buildOK()
        let html = try #require(site.read("credits/index.html"))
        let film = try #require(html.range(of: ">Film<")), series = try #require(html.range(of: ">Series<"))
        #expect(film.lowerBound < series.lowerBound)
        let new = try #require(html.range(of: "New Film")), old = try #require(html.range(of: "Old Film"))
        #expect(new.lowerBound < old.lowerBound)
        #expect(html.contains("Consultant"))
    }

    @Test func aMenuEntryMayBeAnyPageWithALabelAndMarksTheCurrentPage() throws {
        let site = try TestSite([
            "site.yml": TestSite.minimalSiteYML + "\nnav:\n  - page: pages/rates.md\n    label: Rates\n  - faq.md\n",
            "pages/rates.md": "---\ntitle: Day rates and kit fees\n---\nRates.",
            "faq.md": "---\ntitle: FAQ\n---\n## Do you travel?\n\nYes.",
        ])
        defer { site.remove() }
        try site.buildOK()
        let rates = try #require(site.read("rates/index.html"))
        #expect(rates.contains(#"<a href="/rates/" aria-current="page">Rates</a>"#))
        #expect(rates.contains(#"<a href="/faq/">FAQ</a>"#))
        #expect(!rates.contains(#"href="/about/""#))
    }

    @Test func theNewsFeedReadsRightInAnIndependentParser() throws {
        let site = try TestSite([
            "news/b.md": "---\ntitle: A talk at the \"Fringe\"\ndate: 2026-02-01\nsummary: A panel.\n---\nText.",
            "news/a.md": "---\ntitle: First post\ndate: 2025-12-24\nupdated: 2026-01-05\n---\nText.",
        ])
        defer { site.remove() }
        try site.buildOK()
        let script = """
        import sys, json
        try:
            import feedparser
        except ImportError:
            print("missing"); sys.exit(0)
        feed = feedparser.parse(sys.argv[1])
        print(json.dumps({"bozo": feed.bozo, "updated": feed.feed.get("updated"), "self": [l.href for l in feed.feed.links if l.rel == "self"],
            "entries": [[e.title, e.link, e.published, e.updated] for e in feed.entries]}))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, site.path("public/news/feed.xml")]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.hasPrefix("missing") {
            #expect(ProcessInfo.processInfo.environment["CALLSHEET_REQUIRE_FEEDPARSER"] != "1", "Python's feedparser is not installed")
            return
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(parsed["bozo"] as? Bool == false)
        #expect(parsed["updated"] as? String == "2026-02-01T00:00:00Z")
        #expect(parsed["self"] as? [String] == ["https://example.com/news/feed.xml"])
        let entries = try #require(parsed["entries"] as? [[String]])
        #expect(entries == [
            ["A talk at the “Fringe”", "https://example.com/news/b/", "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z"],
            ["First post", "https://example.com/news/a/", "2025-12-24T00:00:00Z", "2026-01-05T00:00:00Z"],
        ])
        let post = try #require(site.read("news/b/index.html"))
        #expect(post.contains("\"@type\":\"BlogPosting\"") && post.contains("\"datePublished\":\"2026-02-01\""))
    }
}
