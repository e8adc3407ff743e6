import Foundation
import Testing

/// `build-site new ... --lang es` writes the translation's file.
@Suite struct NewTranslationTests {
    @Test func newFaqWithALanguageAddsTheQuestionToTheTranslation() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: es\n",
                                 "faq.md": "---\ntitle: FAQ\n---\n## Why?\n\nBecause.\n"])
        defer { site.remove() }
        let added = try CommandLineTests.run(["new", "faq", "¿Trabajas en videoclips?", "--lang", "es"], in: site.root)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try String(contentsOfFile: site.path("content/faq.es.md"), encoding: .utf8).contains("## ¿Trabajas en videoclips?"))
        #expect(try String(contentsOfFile: site.path("content/faq.md"), encoding: .utf8) == "---\ntitle: FAQ\n---\n## Why?\n\nBecause.\n")
        let service = try CommandLineTests.run(["new", "service", "Talleres", "--lang", "es"], in: site.root)
        #expect(service.status == 0)
        #expect(FileManager.default.fileExists(atPath: site.path("content/services/talleres.es.md")))
        let undeclared = try CommandLineTests.run(["new", "faq", "Pourquoi ?", "--lang", "fr"], in: site.root)
        #expect(undeclared.status == 1)
        #expect(undeclared.stderr.contains("error: site.yml declares no language `fr`"))
    }
}
