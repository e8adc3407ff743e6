import Foundation
import Testing
@testable import Callsheet

@Suite struct ThemeSettingsTests {
    func parse(_ theme: String) -> (SiteConfig?, [Diagnostic]) {
        SiteConfig.parse("title: T\nbase_url: https://e.com/\ntheme:\n" + theme, path: "content/site.yml")
    }

    func errors(_ theme: String) -> [Diagnostic] { parse(theme).1.filter { $0.severity == .error } }

    @Test func aYellowAccentIsRefusedWithItsRatioAndAShadeThatPasses() throws {
        let found = errors("  accent: \"#ffcc00\"\n")
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.location == SourceLocation(path: "content/site.yml", line: 4, column: 11))
        #expect(error.message.contains("#ffcc00"))
        #expect(error.message.contains("is 1.43:1"))
        #expect(error.message.contains("page background #fbf8f3"))
        let suggested = try #require(error.message.split(separator: " ").last.flatMap { Color(hex: String($0)) })
        #expect(Contrast.ratio(suggested, ThemeSettings.pageBackground) >= 4.5)
        #expect(abs(suggested.hsl.hue - 48) < 2, "the suggestion keeps the hue")
        #expect(error.hint == "write accent: \"\(suggested.hex)\", or choose a darker colour")
    }

    @Test func aDeepTealAccentIsAccepted() throws {
        let (config, problems) = parse("  accent: \"#1d5c57\"\n")
        #expect(problems.isEmpty)
        #expect(config?.theme.accent == Color(hex: "#1d5c57"))
    }

    @Test(arguments: ["#1d5c57", "#7a2e5c", "#000000", "#0055aa", "#8a6d00", "#595959"])
    func theDerivedDarkShadePassesOnEveryDarkBackground(hex: String) throws {
        let dark = try #require(parse("  accent: \"\(hex)\"\n").0?.theme.darkAccent)
        for background in ThemeSettings.darkBackgrounds {
            #expect(Contrast.ratio(dark, background) >= 4.5, "\(dark.hex) on \(background.hex)")
        }
        let original = try #require(Color(hex: hex))
        if original.hsl.saturation > 0.1 { #expect(abs(dark.hsl.hue - original.hsl.hue) < 4, "same hue") }
    }

    @Test func contrastRatiosMatchWCAG() throws {
        #expect(Contrast.ratio(Color(hex: "#000")!, Color(hex: "#fff")!) == 21)
        #expect(abs(Contrast.ratio(Color(hex: "#767676")!, Color(hex: "#ffffff")!) - 4.54) < 0.01)
    }

    @Test func anUnquotedHashIsACommentAndSaidSo() throws {
        let error = try #require(errors("  accent: #7a2e5c\n").first)
        #expect(error.message == "`accent` is empty")
        #expect(error.hint?.contains("quotes") == true)
    }

    @Test func fontsAreNamedStacksOrWoff2FilesAndNearMissesGetASuggestion() throws {
        let (config, _) = parse("  font_body: Humanist\n  font_headings: /media/fonts/display.woff2\n")
        #expect(config?.theme.bodyFont == .stack("humanist"))
        #expect(config?.theme.headingFont == .file("media/fonts/display.woff2"))
        let error = try #require(errors("  font_body: sarif\n").first)
        #expect(error.location?.line == 4)
        #expect(error.hint == "did you mean `serif`?")
        #expect(errors("  font_headings: https://fonts.example.com/a.woff2\n").count == 1)
    }

    @Test func unknownThemeKeysGetADidYouMean() {
        let warnings = parse("  acent: \"#1d5c57\"\n").1
        #expect(warnings.map(\.severity) == [.warning])
        #expect(warnings.first?.hint == "did you mean `accent`?")
    }

    @Test func theStylesheetSetsTheAccentOnScreenAndLoadsAFontFromTheSite() throws {
        let theme = try #require(parse("  accent: \"#1d5c57\"\n  font_headings: media/h.woff2\n").0?.theme)
        let css = try #require(theme.stylesheet(root: "/portfolio/"))
        #expect(css.contains("@media screen {\n  :root { --accent: #1d5c57; }"))
        #expect(css.contains("(prefers-color-scheme: dark) {\n  :root { --accent: \(theme.darkAccent!.hex); }"))
        #expect(css.contains("src: url(\"/portfolio/media/h.woff2\") format(\"woff2\")"))
        #expect(css.contains("--font-headings: \"Site Headings\", \"Iowan Old Style\""))
        #expect(ThemeSettings().stylesheet(root: "/") == nil)
    }

    @Test func theBuiltInStylesheetUsesTheBackgroundsTheCheckAssumes() throws {
        let css = try String(contentsOfFile: Repository.templates + "/assets/style.css", encoding: .utf8)
        let light = ThemeSettings.lightBackgrounds.map(\.hex), dark = ThemeSettings.darkBackgrounds.map(\.hex)
        #expect(css.contains("--bg: \(light[0]); --surface: \(light[1]);"))
        #expect(css.contains("--bg: \(dark[0]); --surface: \(dark[1]);"))
        // The theme's own accent passes, and its dark shade is the one the build would derive.
        let accent = try #require(Color(hex: "#1d5c57"))
        #expect(css.contains("--accent: \(accent.hex); --on-accent: #fff;"))
        #expect(css.contains("--accent: \(Contrast.darkShade(of: accent, on: ThemeSettings.darkBackgrounds).hex); --on-accent: #161a1b;"))
    }

    @Test func aSiteWithAThemeLinksItsStylesheetAndLogo() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\ntheme:\n  accent: \"#7a2e5c\"\n  logo: media/logo.svg\n",
                                 "media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        try site.buildOK()
        let home = try String(contentsOfFile: site.path("public/index.html"), encoding: .utf8)
        #expect(home.contains("<link rel=\"stylesheet\" href=\"/assets/theme.css\">"))
        #expect(home.contains("src=\"/media/logo.svg\""))
        let css = try String(contentsOfFile: site.path("public/assets/theme.css"), encoding: .utf8)
        #expect(css.contains("--accent: #7a2e5c;"))
    }

    @Test func aLogoOrFontThatIsNotThereIsAnErrorAtItsLine() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\ntheme:\n  logo: media/logo.svg\n  font_body: media/body.woff2\n"])
        #expect(site.errors().map(\.summary) == [
            "content/site.yml:8:9: `media/logo.svg` is not in the content folder",
            "content/site.yml:9:14: `media/body.woff2` is not in the content folder",
        ])
    }
}
