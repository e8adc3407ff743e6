import Testing
@testable import Callsheet

@Suite struct TypographyTests {
    @Test func curlsQuotesAndJoinsDashesAndDots() {
        #expect(Typography.smart("\"It's here\" -- and 'there'... --- (\"yes\")") == "“It’s here” – and ‘there’… — (“yes”)")
        #expect(Typography.smart("Café \"crème\" -- naïve") == "Café “crème” – naïve")
    }

    /// The byte-by-byte path for ASCII text must give what the character-by-character one gives.
    @Test func theASCIIPathAgreesWithTheCharacterPath() {
        var random = SplitMix64(seed: 17)
        let pieces = ["\"", "'", "-", "--", "---", ".", "...", "....", " ", "\t", "\r\n", "\n", "(", "[", "{", "/", "a", "Word", "x'y", "1"]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 8) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(Typography.smartASCII(text) == Typography.smartByCharacter(text), "\(text.debugDescription)")
        }
    }
}
