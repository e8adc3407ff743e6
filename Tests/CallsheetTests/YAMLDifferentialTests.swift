import Foundation
import Testing
@testable import Callsheet

/// The YAML fast path promises the result Yams gives. Seeded generated front matter, each block read
/// both ways: whenever the fast path answers at all, its answer must be Yams' answer. For a longer run:
/// `CALLSHEET_YAML_DIFF_ITERATIONS=2000000 CALLSHEET_YAML_DIFF_SEED=5 swift test --filter YAMLDifferentialTests`.
@Suite struct YAMLDifferentialTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = Int(environment["CALLSHEET_YAML_DIFF_ITERATIONS"] ?? "") ?? 100_000
    static let seed = UInt64(environment["CALLSHEET_YAML_DIFF_SEED"] ?? "") ?? 20261201

    static let keys = ["title", "order", "slug", "description", "x_1", "Title", "2", "true", "null", "_",
                       String(repeating: "k", count: 1030), "a-b", "é", "key "]
    static let separators = [": ", ":", ":  ", " : ", ":\t", "::", ": \t"]
    static let fragments = ["3", "Hello", "hello world", "-1", "0x1F", "1e3", "null", "~", "Null", "NULL", "yes", "",
                            "\u{FEFF}", "\u{85}", "\u{2028}", "\u{2029}", "\u{7F}", "\u{9F}", "\u{A0}", "\u{FFFE}", "\u{E000}",
                            "\u{1F3AC}", "é", "\t", "\r", "#", " #", "# ", ": ", ":", "'", "\"", "[", "]", "{", "}", ",",
                            "|", ">", "&a", "*a", "!", "!!str ", "%", "@", "`", "?", "? ", "-", "- ", "---", "...", " ", "  ",
                            "\\", "\"quoted words\"", "'single'", "\"\"", "''", "\"a # b: c\"", "a: b", "2026-03-01", "<b>", "&amp;", "\u{0}", "\u{1B}", "\u{200B}", "\u{202E}", "=", "<<"]
    static let lines = ["", "  ", "# a comment", "  # indented comment", "---", "...", "- item", "  nested: x",
                        "%YAML 1.1", "key", "\u{FEFF}title: x", "\ttitle: x"]

    /// One generated block of front matter: mostly `key: value` lines, now and then something else.
    static func block(_ random: inout SplitMix64) -> String {
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        var out: [String] = []
        // Some blocks are tame and some wild, so both the fast path's answers and its refusals are tried.
        let wildness = random.next() % 5
        for _ in 0..<(1 + Int(random.next() % 5)) {
            if random.next() % 8 == 0 { out.append(pick(lines)); continue }
            let key = random.next() % 4 == 0 ? pick(keys) : pick(["title", "order", "description", "slug"])
            let separator = random.next() % 5 == 0 ? pick(separators) : ": "
            var value = ""
            for _ in 0..<Int(random.next() % 4) {
                value += random.next() % 8 >= wildness ? pick(["plain", "text", "9", " words "]) : pick(fragments)
            }
            // Now and then a list on one line, `[März, April]`, tame or wild.
            if random.next() % 8 == 0 {
                let items = (0..<Int(random.next() % 4)).map { _ in
                    random.next() % 8 >= wildness ? pick(["März", "août", "word", " two words ", "9"]) : pick(fragments)
                }
                value = "[" + items.joined(separator: pick([", ", ",", " , ", ",  "])) + pick(["]", "]", "]", " ]", "", "],", "] x"])
            }
            out.append(key + separator + value)
        }
        return out.joined(separator: random.next() % 16 == 0 ? "\r\n" : "\n")
    }

    /// A value's whole content, positions included, for comparison.
    static func describe(_ value: YAMLValue?) -> String {
        guard let value else { return "none" }
        let at = "@\(value.location.line):\(value.location.column)"
        switch value.kind {
        case .null: return "null" + at
        case .scalar(let text, let plain): return "\(plain ? "plain" : "quoted")(\(text.debugDescription))" + at
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ", ") + "]" + at
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key.debugDescription)@\($0.keyLocation.line):\($0.keyLocation.column)=\(describe($0.value))" }
                .joined(separator: ", ") + "}" + at
        }
    }

    @Test func theFastPathNeverDisagreesWithYams() {
        var random = SplitMix64(seed: Self.seed)
        var answered = 0, lists = 0
        var disagreements: [String] = []
        for _ in 0..<Self.iterations {
            let text = Self.block(&random).normalizingLineEnds()
            guard let fast = YAMLValue.parseSimpleMapping(text, path: "x.md", lineOffset: 1) else { continue }
            answered += 1
            if case .mapping(let entries) = fast.kind, entries.contains(where: { if case .sequence = $0.value.kind { true } else { false } }) {
                lists += 1
            }
            let yams: String
            switch YAMLValue.parseWithLibrary(text, path: "x.md", lineOffset: 1) {
            case .success(let value): yams = Self.describe(value)
            case .failure(let diagnostic): yams = "error: \(diagnostic.message)"
            }
            if Self.describe(fast) != yams, disagreements.count < 10 {
                disagreements.append("\(text.debugDescription)\n  fast: \(Self.describe(fast))\n  yams: \(yams)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        // The generator must keep the fast path busy, or the comparison proves nothing.
        #expect(answered > Self.iterations / 5, "the fast path answered only \(answered) of \(Self.iterations)")
        #expect(lists > Self.iterations / 100, "the fast path read only \(lists) lists")
    }

    @Test(arguments: ["order: \u{FEFF}3", "title: a\u{85}b", "title: a\u{2028}b", "title: a\u{7F}", "title: \u{9F}",
                      String(repeating: "k", count: 1030) + ": x", "# a\u{7F}\ntitle: x"])
    func textYamsReadsDifferentlyGoesToYams(text: String) {
        #expect(YAMLValue.parseSimpleMapping(text, path: "x.md", lineOffset: 0) == nil)
    }
}
