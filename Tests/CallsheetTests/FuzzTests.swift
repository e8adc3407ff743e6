import Foundation
import Testing
@testable import Callsheet

/// A seeded random-mutation fuzzer over the sample content: front matter, Markdown and the FAQ splitter
/// must never crash, whatever the bytes. Runs a bounded number of cases in CI; for a longer run:
/// `CALLSHEET_FUZZ_ITERATIONS=200000 CALLSHEET_FUZZ_SEED=7 swift test --filter FuzzTests`.
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = Int(environment["CALLSHEET_FUZZ_ITERATIONS"] ?? "") ?? 3000
    static let seed = UInt64(environment["CALLSHEET_FUZZ_SEED"] ?? "") ?? 20261128

    static let tokens = ["---", "\n---\n", "#", "## ", "\n# ", "\n## ", "### ", ":", ": ", "- ", "\n- ", "[", "](", ")", "![", "](x.md#",
                         "](../", "<script>", "</script>", "<!--", "{{", "}}", "\"", "'", "\\", "\t", "\r\n", "\0", "\u{FEFF}",
                         "\u{202E}", "é", "👩🏽‍⚖️", "*", "_", "`", "```", "> ", "1. ", "&", "&amp;", "&#0;", "|", "~", "!", "*a", "&b", "%",
                         "title:", "slug: ../x", "order: x", "draft: yes", "form:", "credentials:", "  - name:", "? ", "!!binary "]

    static func corpus() throws -> [(String, String)] {
        let files = ["faq.md", "about.md", "index.md", "contact.md", "services/consent-workshops.md", "pages/privacy.md", "site.yml"]
        return try files.map { ($0, try String(contentsOfFile: Repository.content + "/" + $0, encoding: .utf8)) }
    }

    @Test func mutatedContentNeverCrashesTheParsers() throws {
        var random = SplitMix64(seed: Self.seed)
        let corpus = try Self.corpus()
        for iteration in 0..<Self.iterations {
            let (file, original) = corpus[Int(random.next() % UInt64(corpus.count))]
            let text = Self.mutate(original, random: &random)
            Self.exercise(text, file: file)
            if iteration == 0 { Self.exercise("", file: file) }
        }
    }

    @Test func mutatedFAQsBuildOrFailCleanly() throws {
        var random = SplitMix64(seed: Self.seed &+ 1)
        let site = try TestSite.sample()
        defer { site.remove() }
        let faq = try String(contentsOfFile: Repository.content + "/faq.md", encoding: .utf8)
        for _ in 0..<max(10, Self.iterations / 100) {
            try site.write(Self.mutate(faq, random: &random), to: "content/faq.md")
            switch site.build() {
            case .success:
                #expect(site.read("faq/index.html") != nil)
            case .failure(let failure):
                #expect(failure.diagnostics.contains { $0.severity == .error })
                #expect(failure.diagnostics.allSatisfy { $0.location == nil || $0.location!.line >= 0 })
            }
        }
    }

    static func exercise(_ text: String, file: String) {
        var diagnostics = Diagnostics()
        if file == "site.yml" {
            _ = SiteConfig.parse(text, path: file)
            return
        }
        let kind = SiteContent.kind(of: file) ?? .page
        let page = SiteContent.readPage(text, file: file, kind: kind, displayPath: "content/" + file, diagnostics: &diagnostics)
        let body = page?.body ?? text
        let document = MarkdownDocument(body)
        document.rewriteLinks { link in link.destination.hasSuffix(".md") ? "/x/" : nil }
        let (faq, _) = FAQ.split(document, reservedIDs: ["main"]) { SourceLocation(path: file, line: $0, column: $1) }
        _ = StructuredData.faqPage(faq, page: page ?? Page(kind: .faq, sitePath: "faq/", title: "FAQ"),
                                   config: SiteConfig(title: "t", baseURL: BaseURL("https://e.com/")!, language: "en",
                                                      owner: .init(), markdown: MarkdownOptions()))
        var ids = AnchorIDs()
        _ = MarkdownDocument(body, options: MarkdownOptions(allowsRawHTML: true)).renderHTML(headingIDs: &ids)
    }

    static func mutate(_ text: String, random: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 8)) {
            let position = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 6 {
            case 0, 1:
                let token = tokens[Int(random.next() % UInt64(tokens.count))]
                scalars.insert(contentsOf: token.unicodeScalars, at: position)
            case 2 where !scalars.isEmpty:
                let length = min(Int(random.next() % 40), scalars.count - min(position, scalars.count))
                scalars.removeSubrange(min(position, scalars.count)..<(min(position, scalars.count) + length))
            case 3 where !scalars.isEmpty:
                let start = min(position, scalars.count - 1)
                let length = min(Int(random.next() % 80), scalars.count - start)
                scalars.insert(contentsOf: scalars[start..<(start + length)], at: Int(random.next() % UInt64(scalars.count + 1)))
            case 4:
                if let scalar = Unicode.Scalar(UInt32(random.next() % 0x2FFFF)) { scalars.insert(scalar, at: position) }
            default:
                scalars.insert(contentsOf: String(repeating: "#", count: Int(random.next() % 8)).unicodeScalars, at: position)
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}

/// A small, seeded pseudo-random generator, so a failing fuzz case can be replayed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
