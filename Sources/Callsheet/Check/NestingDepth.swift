/// How deep a page nests quotes, lists and boxes, found in one pass over its bytes before it is parsed.
/// HTML parsers (gumbo as much as a browser's) look through every open element at each new one, so a page
/// nested 100,000 deep takes minutes to parse; browsers stop nesting at 512 and show such a page flattened.
/// This count is a guard, not a parser: it counts the start and end tags of the elements that nest, skips
/// comments, scripts and styles, and is exact for the HTML the build writes.
enum NestingDepth {
    /// The most a page may nest before `check` reports it instead of parsing it (browsers stop at 512).
    static let limit = 512

    private static let nesting: Set<String> = [
        "blockquote", "ul", "ol", "dl", "div", "section", "article", "aside", "nav", "main", "header", "footer",
        "details", "figure", "table", "span", "a", "em", "strong", "b", "i", "q", "sub", "sup", "small", "mark",
        "code", "del", "ins", "s", "u",
    ]

    /// The deepest nesting of `html`'s nesting elements.
    static func of(_ html: String) -> Int {
        html.withBytes { bytes in
            var deepest = 0, depth = 0, index = 0
            let count = bytes.count
            func skip(past end: [UInt8]) {
                while index < count {
                    if bytes[index] == end[0], index + end.count <= count,
                       (0..<end.count).allSatisfy({ lower(bytes[index + $0]) == end[$0] }) {
                        index += end.count
                        return
                    }
                    index += 1
                }
            }
            while index < count {
                guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
                index += 1
                if index + 2 < count, bytes[index] == UInt8(ascii: "!"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: "-") {
                    skip(past: Array("-->".utf8))
                    continue
                }
                let closing = index < count && bytes[index] == UInt8(ascii: "/")
                if closing { index += 1 }
                var name: [UInt8] = []
                while index < count, name.count < 12, isLetter(bytes[index]) { name.append(lower(bytes[index])); index += 1 }
                let tag = String(decoding: name, as: UTF8.self)
                if !closing, tag == "script" || tag == "style" {
                    skip(past: Array("</\(tag)".utf8))
                } else if nesting.contains(tag) {
                    depth = closing ? max(0, depth - 1) : depth + 1
                    deepest = max(deepest, depth)
                }
            }
            return deepest
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
