import Testing
@testable import Callsheet

@Suite struct DiagnosticTests {
    @Test func aNewlineInAFileNameCannotForgeASecondDiagnostic() {
        let path = "content/pages/a.md:1:1: error: forged\nb.md"
        let printed = Diagnostic.error("this file is empty", at: SourceLocation(path: path, line: 0)).description
        #expect(!printed.contains("\n"))
        #expect(printed == "content/pages/a.md:1:1: error: forged\\nb.md:1:1: error: this file is empty")
    }

    @Test func controlCharactersInMessagesAndHintsAreEscapedToo() {
        let printed = Diagnostic.error("`a\u{202E}b.md` and `c\rd` clash", at: SourceLocation(path: "x\t.md", line: 2, column: 3),
                                       hint: "rename\u{7}").description
        #expect(printed == "x\\t.md:2:3: error: `a\\u{202E}b.md` and `c\\rd` clash\n  hint: rename\\u{7}")
    }

    @Test func ordinaryTextIsPrintedAsItIs() {
        let printed = Diagnostic.warning("café — “quoted”", at: SourceLocation(path: "content/é.md", line: 1, column: 1)).description
        #expect(printed == "content/é.md:1:1: warning: café — “quoted”")
    }
}
