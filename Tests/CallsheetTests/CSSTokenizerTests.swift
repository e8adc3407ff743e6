import Testing
@testable import Callsheet

@Suite struct CSSTokenizerTests {
    func found(_ css: String) -> [String] {
        CSSTokenizer.references(in: css).map { "\($0.line):\($0.column) \($0.url)" }
    }

    @Test func urlFunctionsInAnyCaseQuotedOrNot() {
        #expect(found("a { background: URL(x.png) }\nb { background: url( \"y.png\" ) }\nc { background: Url('z.png') }") ==
            ["1:17 x.png", "2:17 y.png", "3:17 z.png"])
    }

    @Test func importWithAStringOrAURL() {
        #expect(found("@import \"a.css\"; @IMPORT url(b.css); @import 'c.css' screen;") == ["1:9 a.css", "1:26 b.css", "1:46 c.css"])
    }

    @Test func commentsAndStringsHideWhatLooksLikeAURL() {
        #expect(found("/* url(no.png) */ a::before { content: \"url(no2.png)\" } b { background: url(yes.png) }") == ["1:73 yes.png"])
    }

    @Test func escapesAreDecodedInNamesAndValues() {
        #expect(found("a { background: u\\72 l(https\\3a //x.example/a.png) }") == ["1:17 https://x.example/a.png"])
    }

    @Test func imageSetStringsAreFilesToo() {
        #expect(found("a { background: image-set(\"a.png\" 1x, url(b.png) 2x) }") == ["1:27 a.png", "1:39 b.png"])
    }

    @Test func unfinishedInputEndsQuietly() {
        #expect(found("a { background: url(x.png") == ["1:17 x.png"])
        #expect(found("@import \"never closed\n/* open comment") == ["1:9 never closed"])
        #expect(found("é { background: url(e.png) }") == ["1:17 e.png"])
    }
}
