import Testing
@testable import Callsheet

@Suite struct MarkdownDocumentTests {
    @Test func topLevelBlocksCarryHeadingLevelsTextAndPositions() {
        let document = MarkdownDocument("Intro *text*.\n\n# Group\n\n## What is `this`?\n\nAnswer.\n")
        let outline = document.blocks.map { "\($0.headingLevel.map(String.init) ?? "-") \($0.text) @\($0.line):\($0.column)" }
        #expect(outline == ["-  @1:1", "1 Group @3:1", "2 What is this? @5:1", "-  @7:1"])
    }

    @Test func headingsGetUniqueIdsAndStayOnOneLine() {
        var ids = AnchorIDs(reserved: ["main"])
        let html = MarkdownDocument("## Fees\n\n## Fees\n\n## Main\n").renderHTML(headingIDs: &ids)
        #expect(html == "<h2 id=\"fees\">Fees</h2>\n<h2 id=\"fees-2\">Fees</h2>\n<h2 id=\"main-2\">Main</h2>\n")
    }

    @Test func headingShiftMovesLevelsDownAndCapsAtSix() {
        var ids = AnchorIDs()
        let html = MarkdownDocument("### Sub\n\n###### Deep\n").renderHTML(blocks: 0..<2, headingShift: 1, headingIDs: &ids)
        #expect(html == "<h4 id=\"sub\">Sub</h4>\n<h6 id=\"deep\">Deep</h6>\n")
    }

    @Test func rawHTMLIsLeftOutUnlessUnsafe() {
        let text = "<script>alert(1)</script>\n\nHello <b>there</b>.\n"
        var ids = AnchorIDs()
        let safe = MarkdownDocument(text).renderHTML(headingIDs: &ids)
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<b>"))
        let unsafe = MarkdownDocument(text, options: MarkdownOptions(allowsRawHTML: true)).renderHTML(headingIDs: &ids)
        #expect(unsafe.contains("<script>alert(1)</script>"))
        #expect(unsafe.contains("<b>there</b>"))
    }

    @Test func javascriptLinksAreNotRenderedInSafeMode() {
        var ids = AnchorIDs()
        let html = MarkdownDocument("[x](javascript:alert(1))").renderHTML(headingIDs: &ids)
        #expect(!html.contains("javascript:"))
    }

    @Test func smartPunctuationIsOn() {
        #expect(MarkdownDocument("\"Quotes\" and it's -- fine...").renderPlainHTML()
            == "<p>\u{201C}Quotes\u{201D} and it\u{2019}s \u{2013} fine\u{2026}</p>\n")
    }

    @Test func linksAreOfferedForRewritingWithPositions() {
        let document = MarkdownDocument("See [the FAQ](faq.md#fees).\n\n![](media/a.png) and ![alt](b.png)\n")
        var seen: [String] = []
        document.rewriteLinks { link in
            seen.append("\(link.isImage ? "img" : "a") \(link.destination) text=\(link.hasText) @\(link.line):\(link.column)")
            return link.isImage ? nil : "/faq/#fees"
        }
        #expect(seen == ["a faq.md#fees text=true @1:5", "img media/a.png text=false @3:1", "img b.png text=true @3:22"])
        #expect(document.renderPlainHTML().contains("<a href=\"/faq/#fees\">the FAQ</a>"))
    }

    @Test func linkPositionsStayRightAfterACodeSpanOverTwoLines() {
        var seen: [String] = []
        MarkdownDocument("Use `npm\nrun` then [x](nope.md)\n").rewriteLinks { link in
            seen.append("\(link.line):\(link.column)")
            return nil
        }
        #expect(seen == ["2:11"])
    }

    @Test func invalidUTF8IsReplacedNotCrashed() {
        let bytes: [UInt8] = [0x48, 0x69, 0xFF, 0xFE, 0x0A]
        let html = MarkdownDocument(String(decoding: bytes, as: UTF8.self)).renderPlainHTML()
        #expect(html.hasPrefix("<p>Hi"))
    }

    @Test func manyDocumentsParseAndFreeWithoutLeaks() {
        for index in 0..<500 {
            var ids = AnchorIDs()
            _ = MarkdownDocument("# Title \(index)\n\n- a\n- [b](c.md)\n").renderHTML(headingIDs: &ids)
        }
    }
}

@Suite struct PipeTableTests {
    func render(_ text: String) -> String {
        var ids = AnchorIDs()
        return MarkdownDocument(text, options: MarkdownOptions(smartPunctuation: false)).renderHTML(headingIDs: &ids)
    }

    @Test func aCreditsTableBecomesATableWithAlignmentAndInlineMarkdown() {
        let html = render("My credits:\n\n| Year | Production | Role |\n| ---: | :--- | :-: |\n| 2024 | *Hamlet* | IC |\n| 2023 | `Lear` \\| tour |\n")
        #expect(html == """
        <p>My credits:</p>
        <table>
        <thead>
        <tr>
        <th style="text-align: right">Year</th>
        <th style="text-align: left">Production</th>
        <th style="text-align: center">Role</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align: right">2024</td>
        <td style="text-align: left"><em>Hamlet</em></td>
        <td style="text-align: center">IC</td>
        </tr>
        <tr>
        <td style="text-align: right">2023</td>
        <td style="text-align: left"><code>Lear</code> | tour</td>
        <td style="text-align: center"></td>
        </tr>
        </tbody>
        </table>

        """)
    }

    /// HTML5 has no `align` on cells (the W3C checker calls it obsolete): the site writes a style. GFM's
    /// reference HTML, which the spec runner compares with, gets `align` when asked.
    @Test func alignmentIsAStyleOnTheSiteAndAnAttributeOnlyForTheSpec() {
        let table = "| a | b |\n| ---: | --- |\n| 1 | 2 |\n"
        #expect(!render(table).contains("align="))
        var ids = AnchorIDs()
        let reference = MarkdownDocument(table, options: MarkdownOptions(smartPunctuation: false, alignmentAsAttribute: true))
            .renderHTML(headingIDs: &ids)
        #expect(reference.contains("<th align=\"right\">a</th>\n<th>b</th>"))
        #expect(!reference.contains("style="))
    }

    /// A header of 10,000 columns over 1,000 one-cell rows (46 KB) took 4 GB and ended in cmark's abort: short
    /// rows are filled up to 100,000 empty cells in all, then keep the cells they have.
    @Test(.timeLimit(.minutes(1))) func aWideHeaderOverManyShortRowsStaysSmall() {
        let columns = 10_000
        let text = String(repeating: "|c", count: columns) + "|\n" + String(repeating: "|-", count: columns) + "|\n"
            + String(repeating: "|a|\n", count: 1_000)
        let html = render(text)
        #expect(html.utf8.count < 5_000_000)
        #expect(html.components(separatedBy: "<tr>").count == 1_002)
        // The first rows are filled as GFM says: ten of them take the 100,000 cells.
        let rows = html.components(separatedBy: "<tr>").dropFirst()
        #expect(rows.dropFirst().first?.components(separatedBy: "<td>").count == columns + 1)
        #expect(rows.last?.components(separatedBy: "<td>").count == 2)
    }

    @Test func aDelimiterRowOfAnotherWidthIsNoTable() {
        #expect(render("| a | b |\n| --- |\n") == "<p>| a | b |\n| --- |</p>\n")
    }

    @Test func cellsThatLookLikeBlocksStayText() {
        #expect(render("| a |\n| - |\n| # 1 |\n| - x |\n").contains("<td># 1</td>\n</tr>\n<tr>\n<td>- x</td>"))
    }

    @Test func linksInCellsAreRewrittenAndPlacedAtTheirLine() {
        let document = MarkdownDocument("Intro\n\n| Show | Link |\n| --- | --- |\n| A | see [the FAQ](faq.md) |\n")
        var found: [String] = []
        document.rewriteLinks { link in
            found.append("\(link.destination)@\(link.line):\(link.column)")
            return "/faq/"
        }
        #expect(found == ["faq.md@5:11"])
        var ids = AnchorIDs()
        #expect(document.renderHTML(headingIDs: &ids).contains("<td>see <a href=\"/faq/\">the FAQ</a></td>"))
    }
}

@Suite struct DroppedRawHTMLTests {
    @Test func rawHTMLLeftOutIsFoundAtItsLine() {
        let document = MarkdownDocument("Intro.\n\n<div>\nblock\n</div>\n\nSome <b>bold</b> text.\n")
        #expect(document.droppedRawHTML.map { "\($0.line):\($0.column)" } == ["3:1", "7:6", "7:13"])
        #expect(MarkdownDocument("<div>x</div>\n", options: MarkdownOptions(allowsRawHTML: true)).droppedRawHTML.isEmpty)
    }

    @Test func theBuildWarnsAboutRawHTMLItLeavesOut() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nHello.\n\n<script>alert(1)</script>\n"])
        defer { site.remove() }
        #expect(site.warnings().map(\.summary) == ["content/pages/a.md:6:1: this raw HTML is left out of the page, because `markdown.unsafe` is off"])
    }
}
