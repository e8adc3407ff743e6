import Testing
@testable import Callsheet

@Suite struct SlugTests {
    @Test(arguments: [
        ("When should I hire an intimacy coordinator?", "when-should-i-hire-an-intimacy-coordinator"),
        ("What’s an IC?", "whats-an-ic"),
        ("Café & Crème Brûlée", "cafe-creme-brulee"),
        ("  Spaces   everywhere  ", "spaces-everywhere"),
        ("Fees (2026)", "fees-2026"),
        ("???", "section"),
        ("Über Großartig", "uber-grossartig"),
    ])
    func anchorsAreLowerCaseFoldedAndHyphenated(text: String, expected: String) {
        #expect(Slug.anchor(from: text) == expected)
    }

    @Test(arguments: [("consent-workshops", true), ("a", true), ("Consent", false), ("a/b", false), ("..", false),
                      ("-a", false), ("a--b", false), ("a b", false), ("", false), ("caf\u{E9}", false)])
    func segmentsMustBeURLSafe(text: String, valid: Bool) {
        #expect(Slug.isValidSegment(text) == valid)
    }

    @Test func clashingIdsGetNumbers() {
        var ids = AnchorIDs()
        #expect([ids.claim("fees"), ids.claim("fees"), ids.claim("fees"), ids.claim("fees-2")] == ["fees", "fees-2", "fees-3", "fees-2-2"])
    }
}

@Suite struct LongSlugTests {
    @Test func aSlugLongerThan200CharactersIsAnErrorAtItsLine() throws {
        let slug = String(repeating: "a", count: 300)
        let site = try TestSite(["pages/long.md": "---\ntitle: Long\nslug: \(slug)\n---\nText.\n"])
        defer { site.remove() }
        #expect(site.errors().map(\.summary) == ["content/pages/long.md:3:7: this slug is longer than 200 characters"])
    }
}
