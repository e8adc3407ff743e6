import Foundation
import Testing
@testable import Callsheet

@Suite struct SiteBuildTests {
    @Test func theSampleSiteHasEveryOutputTheContractLists() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let report = try site.buildOK()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let files = Set(site.tree().keys)
        for expected in ["index.html", "about/index.html", "services/index.html", "faq/index.html", "contact/index.html",
                         "contact/thanks/index.html", "privacy/index.html", "404.html", "sitemap.xml", "robots.txt",
                         "assets/style.css", "media/portrait.svg"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        let services = files.filter { $0.hasPrefix("services/") && $0.hasSuffix("/index.html") && $0 != "services/index.html" }
        #expect(services.count >= 4)
    }

    @Test func theFAQPageShowsEverySeedQuestionWithOneJSONLDQuestionEach() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.buildOK()
        let html = try #require(site.read("faq/index.html"))
        let markdown = try String(contentsOfFile: Repository.content + "/faq.md", encoding: .utf8)
        let questions = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { $0.dropFirst(3) }
        let seedQuestions = ["What does an intimacy coordinator do?", "What are intimate scenes?",
                             "When should I hire an intimacy coordinator?", "What can I expect once I hire an intimacy coordinator?",
                             "Does an intimacy coordinator need to be certified?", "What types of productions need an IC?",
                             "Where can I find more information?"]
        for question in seedQuestions {
            #expect(html.contains(">\(question)</h"), "FAQ page lacks \(question)")
        }
        let jsonld = try #require(JSONLD.blocks(in: html).first)
        let entities = try #require(jsonld["mainEntity"] as? [[String: Any]])
        #expect(entities.count == questions.count)
        #expect(entities.compactMap { $0["name"] as? String } == questions.map(String.init))
        #expect(html.contains("id=\"when-should-i-hire-an-intimacy-coordinator\""))
    }

    @Test func twoBuildsWithDifferentJobsAreByteIdentical() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.buildOK(output: "one", jobs: 1)
        try site.buildOK(output: "two", jobs: 8)
        let one = site.tree("one"), two = site.tree("two")
        #expect(one.count == two.count)
        for (path, bytes) in one { #expect(two[path] == bytes, "\(path) differs") }
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let site = try TestSite(["pages/secret.md": "---\ntitle: Secret\ndraft: true\n---\nHidden.\n",
                                 "pages/open.md": "---\ntitle: Open\n---\nShown.\n"])
        defer { site.remove() }
        try site.buildOK()
        #expect(site.read("secret/index.html") == nil)
        #expect(site.read("open/index.html") != nil)
        #expect(site.read("sitemap.xml")?.contains("secret") == false)
        try site.buildOK(drafts: true)
        #expect(site.read("secret/index.html")?.contains("Hidden.") == true)
    }

    @Test func aLinkToADraftIsAnError() throws {
        let site = try TestSite(["index.md": "---\ntitle: Home\n---\nSee [it](pages/secret.md).\n",
                                 "pages/secret.md": "---\ntitle: Secret\ndraft: true\n---\nHidden.\n"])
        defer { site.remove() }
        #expect(site.errors().map(\.summary) == ["content/index.md:4:5: the link `pages/secret.md` leads to a draft, which is not published"])
    }

    @Test func contentTextIsEscapedEverywhereItLands() throws {
        let attack = "</title><script>alert(1)</script>\"><img src=x onerror=alert(1)>"
        let site = try TestSite([
            "site.yml": "title: '\(attack)'\nbase_url: https://example.com/\nowner:\n  name: '\(attack)'\n",
            "faq.md": "---\ntitle: '\(attack)'\ndescription: '\(attack)'\n---\n## \(attack)?\n\nAnswer </script><!-- x.\n",
            "services/a.md": "---\ntitle: '\(attack)'\nsummary: '\(attack)'\n---\nBody.\n",
        ])
        defer { site.remove() }
        try site.buildOK()
        for (path, data) in site.tree() where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path) lets a script through")
            #expect(!text.contains("<img src=x"), "\(path) lets an image through")
            #expect(!text.contains("</title><"), "\(path) breaks out of the title")
        }
        let faq = try #require(site.read("faq/index.html"))
        #expect(try JSONLD.blocks(in: faq).count == 1)
        #expect(faq.components(separatedBy: "</script>").count == faq.components(separatedBy: "<script").count)
    }

    @Test func aQuoteWithACombiningAccentCannotEndAnAttribute() throws {
        let sneaky = "x\"\u{301} autofocus onfocus=alert(1) y=\"\u{301}"
        let site = try TestSite(["pages/x.md": "---\ntitle: '\(sneaky)'\ndescription: '\(sneaky)'\n---\n## \(sneaky)\n\nText.\n",
                                 "faq.md": "---\ntitle: FAQ\n---\n## \(sneaky)?\n\nA.\n"])
        defer { site.remove() }
        try site.buildOK()
        let plainBreakout = "\" autofocus", accentBreakout = "\"\u{301} autofocus"
        for path in ["x/index.html", "faq/index.html"] {
            let html = try #require(site.read(path))
            let broken = html.contains(plainBreakout) || html.contains(accentBreakout)
            #expect(!broken, "\(path)")
            #expect(!HTMLDocument(html).elements.contains { $0["onfocus"] != nil || $0["autofocus"] != nil }, "\(path)")
        }
    }

    @Test func aSubPathBaseURLKeepsEveryLinkInsideIt() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.buildOK(baseURL: "https://example.github.io/portfolio/")
        for (path, data) in site.tree() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for url in HTMLAttributes.values(of: ["href", "src"], in: html) where url.hasPrefix("/") {
                #expect(url.hasPrefix("/portfolio/"), "\(path) links to \(url)")
            }
        }
        #expect(site.read("index.html")?.contains("<link rel=\"canonical\" href=\"https://example.github.io/portfolio/\">") == true)
        #expect(site.read("sitemap.xml")?.contains("<loc>https://example.github.io/portfolio/faq/</loc>") == true)
    }

    @Test func aFailedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let site = try TestSite(["faq.md": "---\ntitle: FAQ\n---\n## Fine?\n\nYes.\n"])
        defer { site.remove() }
        try site.buildOK()
        let before = site.tree()
        try site.write("---\ntitle: FAQ\n---\n## Broken?\n", to: "content/faq.md")
        #expect(site.errors().map(\.summary) == ["content/faq.md:4:1: this question has no answer"])
        #expect(site.tree() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func rebuildsMatchAFreshBuildExactlyWhateverCameBefore() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nA.\n", "pages/b.md": "---\ntitle: B\n---\nB.\n",
                                 "media/x.txt": "x"])
        defer { site.remove() }
        try site.buildOK()
        try site.buildOK()  // now the folder beside the output holds the build before last
        try FileManager.default.removeItem(atPath: site.path("content/pages/b.md"))
        try site.write("---\ntitle: C\n---\nC.\n", to: "content/pages/c.md")
        try site.write("y", to: "content/media/x.txt")
        try site.write("---\ntitle: A\n---\n[broken](nope.md)\n", to: "content/pages/a.md")
        let before = site.tree()
        #expect(!site.errors().isEmpty)
        #expect(site.tree() == before, "a failed build changed the output")
        try site.write("---\ntitle: A\n---\nA again.\n", to: "content/pages/a.md")
        try site.buildOK()
        try site.buildOK(output: "fresh")
        #expect(site.tree() == site.tree("fresh"))
        #expect(site.read("b/index.html") == nil)
        #expect(site.read("media/x.txt") == "y")
        let hidden = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
        #expect(hidden == [".public.callsheet-previous"])

        // A same-size edit that keeps an old time (as `cp -p` or a sync tool leaves it) is still copied.
        try site.write("z", to: "content/media/x.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                              ofItemAtPath: site.path("content/media/x.txt"))
        try site.buildOK()
        #expect(site.read("media/x.txt") == "z")
        try site.buildOK()
        #expect(site.read("media/x.txt") == "z")
    }

    @Test func aRebuildLeavesPagesThatHoldTheirBytesAloneAndCutsShorterOnes() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nSame.\n",
                                 "pages/b.md": "---\ntitle: B\n---\n" + String(repeating: "A long page. ", count: 200) + "\n"])
        defer { site.remove() }
        try site.buildOK()
        try site.buildOK()
        // The folder the next build writes into holds the build before last; mark its copy of the unchanged page.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: site.path(".public.callsheet-previous/a/index.html"))
        try site.write("---\ntitle: B\n---\nShort now.\n", to: "content/pages/b.md")
        try site.buildOK()
        let kept = try FileManager.default.attributesOfItem(atPath: site.path("public/a/index.html"))[.modificationDate] as? Date
        #expect(kept == old, "a page that already held its bytes was written again")
        try site.buildOK(output: "fresh")
        #expect(site.tree() == site.tree("fresh"))
    }

    @Test func aSymlinkedOutputFolderIsUpdatedWhereItPoints() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nFirst.\n"])
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.path("www/site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.path("public"), withDestinationPath: "www/site")
        try site.buildOK()
        for text in ["Second.", "Third."] {
            try site.write("---\ntitle: A\n---\n\(text)\n", to: "content/pages/a.md")
            try site.buildOK()
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.path("public")) == "www/site")
            #expect(site.read("a/index.html", output: "www/site")?.contains(text) == true)
        }
    }

    @Test func pagesLinkToEachOtherByTheirMarkdownFiles() throws {
        let site = try TestSite([
            "services/x.md": "---\ntitle: X\nsummary: Does x.\n---\nRead [the fees](../faq.md#fees).\n",
            "faq.md": "---\ntitle: FAQ\n---\n## Fees\n\nSome.\n",
        ])
        defer { site.remove() }
        try site.buildOK()
        #expect(site.read("services/x/index.html")?.contains("<a href=\"/faq/#fees\">the fees</a>") == true)
    }

    @Test func aLinkToAMissingAnchorIsAnErrorWithASuggestion() throws {
        let site = try TestSite([
            "index.md": "---\ntitle: Home\n---\nRead [the fees](faq.md#fee).\n",
            "faq.md": "---\ntitle: FAQ\n---\n## Fees\n\nSome.\n",
        ])
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.map(\.summary) == ["content/index.md:4:6: the link `faq.md#fee` names `#fee`, which is not on that page"])
        #expect(errors.first?.hint == "did you mean `#fees`?")
    }

    @Test func servicesAreOrderedByOrderThenTitle() throws {
        let site = try TestSite([
            "services/b.md": "---\ntitle: Bravo\nsummary: B.\norder: 2\n---\nB.\n",
            "services/a.md": "---\ntitle: Alpha\nsummary: A.\norder: 2\n---\nA.\n",
            "services/c.md": "---\ntitle: Charlie\nsummary: C.\norder: 1\n---\nC.\n",
            "services/d.md": "---\ntitle: Delta\nsummary: D.\n---\nD.\n",
        ])
        defer { site.remove() }
        try site.buildOK()
        let list = try #require(site.read("services/index.html"))
        let positions = ["Charlie", "Alpha", "Bravo", "Delta"].map { list.range(of: ">\($0)<")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func everyPageHasTitleDescriptionCanonicalAndOpenGraph() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.buildOK()
        for (path, data) in site.tree() where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.contains("<html lang=\"en\">"), "\(path)")
            #expect(html.contains("<title>"), "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            #expect(html.contains("<link rel=\"canonical\" href=\"https://example.com/"), "\(path)")
            #expect(html.contains("<meta property=\"og:title\""), "\(path)")
            #expect(!html.contains("http://") || !html.contains("<script src="), "\(path)")
        }
    }
}

/// Pulls JSON-LD blocks out of a page.
enum JSONLD {
    static func blocks(in html: String) throws -> [[String: Any]] {
        var result: [[String: Any]] = []
        var rest = html[...]
        let open = "<script type=\"application/ld+json\">"
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: "</script>") {
            let json = rest[start.upperBound..<end.lowerBound]
            if let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] { result.append(object) }
            rest = rest[end.upperBound...]
        }
        return result
    }
}

/// Finds attribute values in HTML, well enough for the HTML this project writes.
enum HTMLAttributes {
    static func values(of names: [String], in html: String) -> [String] {
        var values: [String] = []
        for name in names {
            var rest = html[...]
            while let range = rest.range(of: " \(name)=\"") {
                let value = rest[range.upperBound...]
                guard let end = value.firstIndex(of: "\"") else { break }
                values.append(String(value[..<end]))
                rest = value[end...]
            }
        }
        return values
    }
}

@Suite struct StageReportingTests {
    @Test func aYAMLMistakeInOnePageDoesNotHideTheFAQsErrors() throws {
        let site = try TestSite([
            "services/broken.md": "---\ntitle: \"never closed\nsummary: x\n---\nText.\n",
            "faq.md": "## No answer?\n\n## Twice?\n\nA.\n\n## twice?\n\nB.\n\n# Empty group\n",
            "pages/links.md": "---\ntitle: Links\n---\n[The broken service](../services/broken.md)\n",
        ])
        defer { site.remove() }
        let errors = site.errors().map(\.summary)
        #expect(errors.contains { $0.hasPrefix("content/services/broken.md:3:11: a quote opened on line 2 is never closed") }, "\(errors)")
        #expect(errors.contains("content/faq.md:1:1: this question has no answer"), "\(errors)")
        #expect(errors.contains("content/faq.md:7:1: this question is asked twice; the first is on line 3"), "\(errors)")
        // The link to the page that could not be read is not a second error.
        #expect(errors.count == 3, "\(errors)")
    }

    @Test func templateMistakesAreReportedAlongsideContentMistakes() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: [unclosed\n---\n"])
        defer { site.remove() }
        try site.write("{{#open}}\n", to: "templates/page.mustache")
        let errors = site.errors().map(\.summary)
        #expect(errors.contains { $0.hasPrefix("content/pages/a.md:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("templates/page.mustache:") }, "\(errors)")
    }
}
