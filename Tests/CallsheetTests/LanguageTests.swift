import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Callsheet

/// A site in two languages, read from its output the way a search engine or a visitor reads it.
@Suite struct LanguageTests {
    static let base = "https://mayaokafor.example.com/"

    /// The bilingual golden site, built into a fresh folder: every file by its path.
    static func bilingualOutput() throws -> [String: String] {
        let site = try TestSite([:])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("bilingual-site/input/content"),
                                         to: site.root.appendingPathComponent("content"))
        try site.buildOK()
        return site.tree().compactMapValues { String(data: $0, encoding: .utf8) }
    }

    /// The output file of an absolute URL of the site.
    static func file(of url: String) -> String {
        let path = String(url.dropFirst(base.count))
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// `<link rel="alternate" hreflang="x" href="y">` of a page, as (hreflang, href).
    static func alternates(in html: String) -> [(String, String)] {
        html.matches(of: /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/).map { (String($0.output.1), String($0.output.2)) }
    }

    @Test func everyHreflangLinkLeadsToAPageThatLinksBack() throws {
        let output = try Self.bilingualOutput()
        var pairs = 0
        for (path, html) in output where path.hasSuffix(".html") {
            let canonical = try #require(html.firstMatch(of: /<link rel="canonical" href="([^"]+)">/)).output.1
            let lang = try #require(html.firstMatch(of: /<html lang="([^"]+)">/)).output.1
            let links = Self.alternates(in: html)
            if links.isEmpty { continue }
            #expect(links.contains { $0.0 == String(lang) && $0.1 == String(canonical) }, "\(path) does not list itself")
            #expect(links.filter { $0.0 == "x-default" }.count == 1, "\(path) has no single x-default")
            for (hreflang, href) in links where hreflang != "x-default" {
                let target = try #require(output[Self.file(of: href)], "\(path) links \(href), which is not built")
                #expect(target.contains("<html lang=\"\(hreflang)\">"), "\(href) is not in \(hreflang)")
                #expect(Self.alternates(in: target).contains { $0.0 == String(lang) && $0.1 == String(canonical) },
                        "\(href) does not link back to \(canonical)")
                pairs += 1
            }
        }
        #expect(pairs >= 20)
    }

    @Test func eachLanguageHasItsOwnPagesWordsAndLang() throws {
        let output = try Self.bilingualOutput()
        let spanish = try #require(output["es/services/coreografia/index.html"])
        #expect(spanish.contains("<html lang=\"es\">"))
        #expect(spanish.contains(">Saltar al contenido principal</a>"))
        #expect(spanish.contains("<a href=\"/es/faq/\">preguntas frecuentes</a>"), "a link in a translation leads to the translation")
        #expect(spanish.contains("<a href=\"/services/choreography/\" hreflang=\"en\" lang=\"en\">English</a>"), "the switcher")
        #expect(output["es/services/workshops/index.html"] == nil, "a page with no translation is not published in Spanish")
        let list = try #require(output["es/services/index.html"])
        #expect(list.contains("Coreografía de intimidad") && !list.contains("Consent workshops"))
        let faq = try #require(output["es/faq/index.html"])
        #expect(faq.contains("\"@type\":\"FAQPage\",\"name\":\"Preguntas frecuentes\""))
        #expect(faq.contains("\"inLanguage\":\"es\""))
        #expect(faq.contains("\"name\":\"¿Puedo cambiar de opinión?\""))
        let contact = try #require(output["es/contact/index.html"])
        #expect(contact.contains("Correo electrónico <span class=\"required\">(obligatorio)</span>"))
        #expect(contact.contains("<option value=\"\" selected>Elige una opción</option>"))
        #expect(contact.contains("value=\"https://mayaokafor.example.com/es/contact/thanks/\""))
        #expect(output["es/contact/thanks/index.html"]?.contains("<h1>Gracias por escribir</h1>") == true)
        #expect(output["es/404.html"]?.contains("Página no encontrada") == true)
        let english = try #require(output["services/workshops/index.html"])
        #expect(!english.contains("hreflang"), "a page with no translation has no alternates")
    }

    @Test func eachLanguagesFormSchemaHasItsTitlesAndTheSameFieldNames() throws {
        let output = try Self.bilingualOutput()
        func schema(_ path: String) throws -> [String: Any] {
            let text = try #require(output[path])
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        let english = try schema("contact/form.schema.json"), spanish = try schema("es/contact/form.schema.json")
        let englishFields = try #require(english["properties"] as? [String: Any])
        let spanishFields = try #require(spanish["properties"] as? [String: Any])
        #expect(Set(englishFields.keys) == Set(spanishFields.keys))
        #expect((spanishFields["email"] as? [String: Any])?["title"] as? String == "Correo electrónico")
        #expect(spanish["title"] as? String == "Envío del formulario de contacto")
    }

    @Test func theSitemapParsesAsXMLWithItsAlternates() throws {
        let output = try Self.bilingualOutput()
        let xml = try #require(output["sitemap.xml"])
        let reader = SitemapReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        #expect(parser.parse(), "sitemap.xml is not well-formed: \(String(describing: parser.parserError))")
        #expect(reader.locations.contains(Self.base + "es/services/coreografia/"))
        let alternates = try #require(reader.alternates[Self.base + "services/choreography/"])
        #expect(alternates == ["en": Self.base + "services/choreography/", "es": Self.base + "es/services/coreografia/",
                               "x-default": Self.base + "services/choreography/"])
        #expect(reader.alternates[Self.base + "services/workshops/"] == nil)
        for location in reader.locations { #expect(output[Self.file(of: location)] != nil, "\(location) is not built") }
    }

    @Test func aLinkFromATranslationToAnUntranslatedPageWarns() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: es\n",
                                 "faq.md": "---\ntitle: FAQ\n---\n## Why?\n\nSee [about](about.md).\n",
                                 "about.md": "---\ntitle: About\n---\nHi.\n",
                                 "faq.es.md": "---\ntitle: Preguntas\n---\n## ¿Por qué?\n\nMira [sobre mí](about.md).\n"])
        defer { site.remove() }
        try site.buildOK()
        #expect(site.read("es/faq/index.html")?.contains("<a href=\"/about/\">sobre mí</a>") == true)
        let warning = try #require(site.warnings().first { $0.message.contains("no translation") })
        #expect(warning.description.hasPrefix("content/faq.es.md:6:6: warning: this link leads to `about.md`, which has no translation into `es`"))
    }

    @Test func aTranslatedFormWithOtherFieldNamesIsAnError() throws {
        let form = { (name: String) in "---\ntitle: C\nform:\n  provider: netlify\n  fields:\n    - name: \(name)\n      label: E\n---\n" }
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: es\n",
                                 "contact.md": form("email"), "contact.es.md": form("correo")])
        defer { site.remove() }
        #expect(site.errors().first?.description.hasPrefix("content/contact.es.md:4:3: error: this form's fields differ from those of `contact.md`") == true,
                "\(site.errors())")
    }

    @Test func aSitesOwnStringsFileChangesOnlyTheWordsItGives() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: es\n",
                                 "faq.md": "---\ntitle: FAQ\n---\n## Why?\n\nBecause.\n",
                                 "faq.es.md": "---\ntitle: Preguntas\n---\n## ¿Por qué?\n\nPorque.\n"],
                                templates: ["strings/es.yml": "skip_to_content: Ir directamente al contenido\n"])
        defer { site.remove() }
        var options = site.options()
        options.builtInTheme = true
        _ = try SiteBuilder(options: options).build()
        let spanish = try #require(site.read("es/faq/index.html"))
        #expect(spanish.contains(">Ir directamente al contenido</a>"))
        #expect(spanish.contains("aria-label=\"Principal\""), "the other words stay the built-in Spanish ones")
        #expect(site.read("faq/index.html")?.contains(">Skip to main content</a>") == true)
    }

    @Test func aPageMayNotTakeTheAddressOfALanguagesFolder() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: es\n",
                                 "pages/spanish.md": "---\ntitle: En español\nslug: es\n---\nHola.\n"])
        defer { site.remove() }
        #expect(site.errors().first?.description.hasPrefix("content/pages/spanish.md:3:7: error: the address `/es/` is the folder of the site's pages in `es`") == true,
                "\(site.errors())")
    }

    @Test func aTranslationWithNoTitleTakesTheThemesWordForIt() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: de\n",
                                 "faq.md": "---\ntitle: FAQ\n---\n## Why?\n\nBecause.\n",
                                 "faq.de.md": "---\ndescription: Antworten\n---\n## Warum?\n\nDarum.\n"])
        defer { site.remove() }
        try site.buildOK()
        #expect(site.read("de/faq/index.html")?.contains("<h1>Häufige Fragen</h1>") == true)
        #expect(site.read("de/faq/index.html")?.contains("\"inLanguage\":\"de\"") == true)
    }

    /// At the line of site.yml that names the language (not at a file that does not exist), with the file to add.
    @Test func aLanguageTheThemeHasNoWordsForIsAnErrorNamingTheFileToAdd() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: mi\n"])
        defer { site.remove() }
        let error = try #require(site.errors().first)
        #expect(error.description.hasPrefix("content/site.yml:"), "\(error)")
        #expect(error.description.contains(": error: the theme has no words in the language `mi`"), "\(error)")
        #expect(error.description.contains("templates/strings/mi.yml to the theme with every key of strings/en.yml, in `mi`"))
    }

    /// `language: EN`: at its line, with the code the theme has.
    @Test func aLanguageCodeInCapitalsIsAnErrorWithTheCodeMeant() throws {
        let yml = TestSite.minimalSiteYML + "\nlanguage: EN\n"
        let site = try TestSite(["site.yml": yml])
        defer { site.remove() }
        let line = yml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("language:") }.map { $0 + 1 }
        let error = try #require(site.errors().first)
        #expect(error.location?.description == "content/site.yml:\(line ?? 0):11")
        #expect(error.hint?.hasPrefix("did you mean `en`?") == true, "\(String(describing: error.hint))")
    }

    @Test func aDottedNameWithNoOriginalBesideItIsAnOrdinaryPage() throws {
        let site = try TestSite(["pages/node.js.md": "---\ntitle: Node\nslug: node\n---\nText.\n"])
        defer { site.remove() }
        try site.buildOK()
        #expect(site.read("node/index.html") != nil)
    }

    @Test func datesAreWrittenInThePagesLanguage() throws {
        let tree = try #require(SourceTree.scan(Repository.templates).0)
        let (strings, problems) = StringTable.load(files: tree.files, displayPath: { $0 }, readText: tree.readText)
        #expect(problems.isEmpty)
        #expect(strings.date("2026-03-01", in: "en") == "1 March 2026")
        #expect(strings.date("2026-03-01", in: "es") == "1 de marzo de 2026")
        #expect(strings.date("2026-08-15", in: "fr-CA") == "15 août 2026")
        #expect(strings.date("2026-03-01", in: "de") == "1. März 2026")
        #expect(strings.date("2026-12-24", in: "pt") == "24 de dezembro de 2026")
    }

    @Test func everyBuiltInLanguageHasEveryWord() throws {
        let tree = try #require(SourceTree.scan(Repository.templates).0)
        let (strings, _) = StringTable.load(files: tree.files, displayPath: { $0 }, readText: tree.readText)
        let english = try #require(strings.words("en")).values.keys
        for code in ["en", "es", "fr", "de", "pt"] {
            let words = try #require(strings.words(code), "no strings/\(code).yml")
            #expect(Set(words.values.keys) == Set(english), "\(code) differs from en: \(Set(english).symmetricDifference(words.values.keys))")
            #expect(words.months.count == 12)
        }
        let sources = Dictionary(uniqueKeysWithValues: tree.files.compactMap { file in
            (try? tree.readText(file).get()).map { (file, $0) }
        })
        #expect(strings.missing(languages: ["en", "es", "fr", "de", "pt"], templateSources: sources, displayPath: { $0 }).isEmpty)
    }
}
