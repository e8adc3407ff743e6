import Foundation
import Testing
@testable import Callsheet

/// docs/templates.md against what the build really passes to templates, for every kind of page of the
/// sample site, the golden portfolio site and the themed long-FAQ site.
@Suite struct TemplateDataTests {
    /// Documented keys that these sites leave out because they are empty, and why.
    static let missingHere: Set<String> = []

    /// Every page's template data, built the way `SiteBuilder.render` builds it.
    static func contexts(content: String) throws -> [(PageKind, TemplateValue)] {
        let tree = SourceTree.scan(content).0!
        let templateTree = SourceTree.scan(Repository.templates).0!
        let strings = StringTable.load(files: templateTree.files, displayPath: templateTree.displayPath(of:), readText: templateTree.readText).0
        let loaded = SiteContent.load(files: tree.files, displayPath: tree.displayPath(of:), readText: tree.readText, includeDrafts: false,
                                      strings: strings)
        let site = try #require(loaded.0, "\(loaded.1)")
        let templates = try #require(TemplateSet.load(files: templateTree.files, displayPath: templateTree.displayPath(of:),
                                                      readText: templateTree.readText).0)
        let resolver = LinkResolver(pages: site.pages, contentFiles: tree.files, mediaFiles: site.mediaFiles, draftFiles: [],
                                    baseURL: site.config.baseURL)
        let cache = ImageCache(folder: FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-images-\(UUID().uuidString)"))
        let images = SiteImages.stage(content: site, resolver: resolver, cache: cache, jobs: 2, url: tree.url(of:)).0
        let renderers = SiteBuilder.languageRendering(content: site, templates: templates, strings: strings, resolver: resolver,
                                                      images: images).renderers
        return site.pages.map { ($0.kind, renderers[$0.language]!.templateData(for: $0).0) }
    }

    /// Dotted paths into nested dictionaries; lists, and dictionaries documented as one key, end a path.
    static func paths(_ value: TemplateValue, prefix: String = "", leaves: Set<String>) -> Set<String> {
        guard case .object(let dictionary) = value, !leaves.contains(prefix) else { return [prefix] }
        return dictionary.reduce(into: Set<String>()) { result, entry in
            result.formUnion(paths(entry.value, prefix: prefix.isEmpty ? entry.key : prefix + "." + entry.key, leaves: leaves))
        }
    }

    /// The documented keys: the first column of the common table, and the key paths of each kind's row.
    static func documented() throws -> (common: Set<String>, kinds: [String: Set<String>]) {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let parts = text.components(separatedBy: "## Per page kind")
        let keyPattern = try Regex(#"`([a-z_]+(?:\.[a-z_]+)*)`"#)
        var common = Set<String>()
        for line in parts[0].split(separator: "\n") where line.hasPrefix("| `") {
            if let match = line.firstMatch(of: keyPattern) { common.insert(String(match.output[1].substring!)) }
        }
        var kinds: [String: Set<String>] = [:]
        for line in parts[1].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let kind = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            kinds[kind] = Set(cells[1].matches(of: keyPattern).map { String($0.output[1].substring!) }
                .filter { !$0.hasPrefix("site.") && !$0.hasPrefix("page.") })
        }
        return (common, kinds)
    }

    @Test func everyKeyATemplateReceivesIsDocumentedAndTheOtherWayRound() throws {
        let (common, kinds) = try Self.documented()
        var seen: [String: Set<String>] = [:]
        var seenCommon = Set<String>()
        for content in [Repository.content, Repository.fixtures.appendingPathComponent("portfolio-site/input/content").path,
                        Repository.fixtures.appendingPathComponent("long-faq-site/input/content").path,
                        Repository.fixtures.appendingPathComponent("bilingual-site/input/content").path] {
            for (kind, data) in try Self.contexts(content: content) {
                let documentedHere = common.union(kinds[kind.rawValue] ?? [])
                let actual = Self.paths(data, leaves: documentedHere)
                #expect(actual.subtracting(documentedHere).isEmpty,
                        "\(kind.rawValue) pages get keys docs/templates.md does not list: \(actual.subtracting(documentedHere).sorted())")
                seen[kind.rawValue, default: []].formUnion(actual)
                seenCommon.formUnion(actual.intersection(common))
            }
        }
        #expect(common.subtracting(seenCommon).subtracting(Self.missingHere).isEmpty,
                "documented but never passed: \(common.subtracting(seenCommon).subtracting(Self.missingHere).sorted())")
        for kind in PageKind.allCases {
            let documentedKeys = try #require(kinds[kind.rawValue], "docs/templates.md has no row for `\(kind.rawValue)`")
            let never = documentedKeys.subtracting(seen[kind.rawValue] ?? []).subtracting(Self.missingHere)
            #expect(never.isEmpty, "\(kind.rawValue): documented but never passed: \(never.sorted())")
        }
    }
}
