import Foundation
import Testing
@testable import Callsheet

/// A seeded structural fuzzer: whole sites made of the shapes random byte mutation never makes
/// (YAML anchors and aliases, a heading repeated thousands of times, lists and quotes nested deep,
/// very long lines, templates that change delimiters or name partials at render time, control
/// characters in file names). Every build must finish within a time limit, and a failed build must
/// say where with a `path:line:col: error:` line, each diagnostic on its own line. For a longer run:
/// `CALLSHEET_STRUCTURAL_FUZZ_ITERATIONS=2000 CALLSHEET_STRUCTURAL_FUZZ_SEED=3 swift test --filter StructuralFuzzTests`.
@Suite(.serialized) struct StructuralFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = Int(environment["CALLSHEET_STRUCTURAL_FUZZ_ITERATIONS"] ?? "") ?? 30
    static let seed = UInt64(environment["CALLSHEET_STRUCTURAL_FUZZ_SEED"] ?? "") ?? 20261202
    /// Far above any honest build of these small sites, even in a debug build on a busy machine.
    static let timeLimit: Duration = .seconds(30)

    struct Generator {
        var random: SplitMix64

        mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }
        mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

        mutating func frontMatter(title: String) -> String {
            var lines = ["title: \(title)"]
            // Mostly sound front matter, so most builds get as far as rendering.
            switch chance(35) ? below(6) : 6 {
            case 0: lines += ["base: &base Intimacy", "description: *base"]
            case 1:
                lines.append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
                for level in 1...8 { lines.append("l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 9).joined(separator: ", ") + "]") }
            case 2: lines.append("order: " + pick(["9223372036854775807", "-9223372036854775808", "99999999999999999999", "\u{FEFF}3", "1e400"]))
            case 3: lines.append("description: " + String(repeating: pick(["word ", "é ", "q: "]), count: 5_000 + below(20_000)))
            case 4: lines.append("slug: " + String(repeating: "a", count: 150 + below(200)))
            case 5: lines += ["list:", String(repeating: "  - ", count: 1) + pick(["&x a", "*x", "[*x]", "{a: *x}"])]
            default: break
            }
            return "---\n" + lines.joined(separator: "\n") + "\n---\n"
        }

        mutating func markdown() -> String {
            var parts: [String] = []
            for _ in 0..<(1 + below(4)) {
                switch below(10) {
                case 0: parts.append(String(repeating: "## Same question?\n\nSame answer.\n\n", count: 1 + below(3_000)))
                case 1:
                    let depth = 1 + below(60)
                    parts.append((0..<depth).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n") + "\n")
                case 2: parts.append(String(repeating: "> ", count: 1 + below(300)) + "deep quote\n")
                case 3: parts.append(String(repeating: pick(["long ", "*a* ", "[x](#top) ", "`c` ", "| "]), count: 10_000 + below(40_000)) + "\n")
                case 4: parts.append("| a | b |\n| :- | -: |\n" + String(repeating: "| \\| x | [faq](/faq.md#top) |\n", count: 1 + below(500)))
                case 5: parts.append(String(repeating: "#", count: 1 + below(7)) + " " + pick(["🎬?", "🎭?", "", "Fees", "*Mine*?"]) + "\n\ntext\n")
                case 6: parts.append("<div>\n" + String(repeating: "<b>", count: below(2_000)) + "\n</div>\n")
                case 7: parts.append(pick(["a\rb\r\rc\r", "x\r\ny\r\n", "x\r\ny\r\n", "a\rb\r", "\u{0}\u{1B}\u{7F}\n"]))
                case 8: parts.append("## Why *me*?\n\nBecause.\n\n## Why `you`?\n\nSee [this](#why-me).\n")
                default: parts.append(String(repeating: "*", count: 1 + below(5_000)) + "x" + String(repeating: "_", count: below(5_000)) + "\n")
                }
            }
            return parts.joined(separator: "\n")
        }

        mutating func templates() -> [String: String] {
            let nested = String(repeating: "{{#site.footer_pages}}", count: 10) + "x" + String(repeating: "{{/site.footer_pages}}", count: 10)
            switch below(8) {
            case 0: return ["partials/nav.mustache": "<nav>\n{{=<% %>=}}<%> partials/nav %>\n</nav>\n"]
            case 1: return ["page.mustache": "<main>{{>*page.kind}}</main>\n"]
            case 2: return ["page.mustache": "<main>{{=<% %>=}}<%> partials/footer %><%={{ }}=%>{{page.title}}</main>\n"]
            case 3: return ["page.mustache": "<main>\(nested)</main>\n"]
            case 4: return ["page.mustache": "{{=<% %>=}}<%#page%><%title%>\n"]
            case 5: return ["partials/footer.mustache": "{{> partials/head}}{{> partials/missing}}\n"]
            default: return [:]
            }
        }

        mutating func fileName() -> String {
            pick(["plain", "a\nb", "tab\there", "bell\u{7}", "rtl\u{202E}txt", "nul-free\u{1B}[31m", "café", "CR\rname"])
        }
    }

    /// Builds `site` on a thread of its own, so a hang fails the test instead of stopping the run.
    static func build(_ site: TestSite) -> Result<BuildReport, BuildFailure>? {
        final class Box: @unchecked Sendable { var result: Result<BuildReport, BuildFailure>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = site.build(output: "public", jobs: 2)
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        let seconds = Double(timeLimit.components.seconds)
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.result
    }

    static let locatedError = try! NSRegularExpression(pattern: #"^[^\n]+:[0-9]+:[0-9]+: error: [^\n]+$"#)

    @Test func structuredHostileSitesBuildOrFailWithLocatedErrors() throws {
        var generator = Generator(random: SplitMix64(seed: Self.seed))
        for iteration in 0..<Self.iterations {
            var files: [String: String] = [:]
            files["faq.md"] = generator.frontMatter(title: "FAQ") + generator.markdown()
            files["pages/\(generator.fileName())-\(iteration).md"] = generator.frontMatter(title: "Page") + generator.markdown()
            if generator.chance(30) { files["about.md"] = generator.frontMatter(title: "About") + generator.markdown() }
            let site = try TestSite(files)
            defer { site.remove() }
            for (path, text) in generator.templates() { try site.write(text, to: "templates/" + path) }
            let replay = "seed \(Self.seed), iteration \(iteration)"
            guard let result = Self.build(site) else {
                Issue.record("the build took more than \(Self.timeLimit) (\(replay))")
                return
            }
            guard case .failure(let failure) = result else { continue }
            let errors = failure.diagnostics.filter { $0.severity == .error }
            #expect(!errors.isEmpty, "a failed build with no error (\(replay))")
            let lines = errors.map { $0.description.split(separator: "\n", omittingEmptySubsequences: false) }
            #expect(lines.allSatisfy { $0.count == 1 || ($0.count == 2 && $0[1].hasPrefix("  hint: ")) },
                    "a diagnostic spread over lines (\(replay)): \(errors)")
            let located = errors.contains { error in
                let line = String(error.description.split(separator: "\n").first ?? "")
                return Self.locatedError.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
            }
            #expect(located, "no `path:line:col: error:` line (\(replay)): \(errors)")
        }
    }

    @Test func structuredDocumentsNeverCrashTheParsers() {
        var generator = Generator(random: SplitMix64(seed: Self.seed &+ 1))
        for _ in 0..<(Self.iterations * 5) {
            let text = generator.frontMatter(title: "FAQ") + generator.markdown()
            guard case .success(let matter) = FrontMatter.parse(text, path: "faq.md") else { continue }
            let document = MarkdownDocument(matter.body)
            let (faq, _) = FAQ.split(document) { SourceLocation(path: "faq.md", line: $0, column: $1) }
            var ids = AnchorIDs()
            _ = MarkdownDocument(matter.body, options: MarkdownOptions(allowsRawHTML: true)).renderHTML(headingIDs: &ids)
            #expect(Set(faq.questions.map(\.id)).count == faq.questions.count)
        }
    }
}
