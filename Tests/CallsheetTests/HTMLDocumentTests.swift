import Testing
@testable import Callsheet

/// The gumbo border: pages read as a browser reads them. Runs under AddressSanitizer in CI.
@Suite struct HTMLDocumentTests {
    /// `name@line` of each element after the document's own `html`, `head` and `body`, with chosen attributes.
    func outline(_ html: String, attributes: [String] = ["href", "src"]) -> [String] {
        HTMLDocument(html).elements.filter { !["html", "head", "body"].contains($0.name) }.map { element in
            let values = attributes.compactMap { name in element[name].map { "\(name)=\($0)" } }
            return ([element.name + "@\(element.line)"] + values).joined(separator: " ")
        }
    }

    @Test func quotedGreaterThanUnquotedValuesAndCaseAreReadAsABrowserDoes() {
        #expect(outline("<P><A TITLE=\"a > b\" HREF=/x/>x</A>\n<a href='/y/'>y</a></P>") == ["p@1", "a@1 href=/x/", "a@2 href=/y/"])
    }

    @Test func scriptTextIsNotMarkupAndAnUppercaseEndTagEndsIt() {
        let html = "<script>document.write('<img src=fake.png>')</SCRIPT>\n<img src=real.png>"
        #expect(outline(html) == ["script@1", "img@2 src=real.png"])
        #expect(HTMLDocument(html).elements.first { $0.name == "script" }?.text == "document.write('<img src=fake.png>')")
    }

    @Test func commentsHideTheirTags() {
        #expect(outline("<!-- <img src=a.png> --><img src=b.png><!--> <img src=c.png>") == ["img@1 src=b.png", "img@1 src=c.png"])
    }

    @Test func characterReferencesInAttributesAreDecoded() {
        #expect(outline("<a href=\"/a?x=1&amp;y=2&#x41;&quot;\">x</a>") == ["a@1 href=/a?x=1&y=2A\""])
    }

    @Test func svgElementsKeepTheirNamespace() {
        let elements = HTMLDocument("<svg><image href=\"i.png\"/><use xlink:href=\"#s\"/><feImage href=\"f.png\"/></svg><image src=\"j.png\">").elements
        let named = elements.filter { ["image", "use", "feimage", "img"].contains($0.name) }
        #expect(named.map { "\($0.name) \($0.namespace)" } == ["image svg", "use svg", "feimage svg", "img html"])
        #expect(named[1]["href"] == "#s")  // gumbo names it `href`, in the XLink namespace
    }

    @Test func titleHeadingAndStyleTextIsGathered() {
        let elements = HTMLDocument("<title>A &amp; B</title><style>p { color: red }</style><h2>Fees <em>and</em> costs</h2>").elements
        #expect(elements.filter { !$0.text.isEmpty }.map { "\($0.name): \($0.text)" } == ["title: A & B", "style: p { color: red }", "h2: Fees and costs"])
        #expect(elements.compactMap(\.headingLevel) == [2])
    }

    @Test func deepNestingAndOddBytesNeitherCrashNorHang() {
        let deep = String(repeating: "<blockquote>", count: 5000) + "<a href=/deep/>x</a>"
        #expect(outline(deep).last == "a@1 href=/deep/")
        #expect(outline("") == [])
        #expect(outline("<a href=\"\u{0}\u{FFFD}\">\u{0}") == ["a@1 href=\u{FFFD}\u{FFFD}"])
    }
}

@Suite struct NestingDepthTests {
    @Test func countsNestingElementsAndSkipsCommentsScriptsAndStyles() {
        #expect(NestingDepth.of("<div><ul><li><blockquote><p>x</p></blockquote></li></ul></div><div></div>") == 3)
        #expect(NestingDepth.of("<!-- <div><div> --><script>'<div><div>'</SCRIPT><style>/*<div>*/</style><DIV>") == 1)
        #expect(NestingDepth.of(String(repeating: "<blockquote>\n", count: 100_000)) == 100_000)
    }
}
