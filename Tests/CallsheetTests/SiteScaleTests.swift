import Foundation
import Testing
@testable import Callsheet

/// A large site stays readable and its pages stay short: lists that every page shows are bounded, so
/// the output (and the build) grows with the number of pages, not with its square.
@Suite struct SiteScaleTests {
    /// The text of the first `<nav ...aria-label="label"...>` element of `html`.
    static func nav(labelled label: String, in html: String) -> String? {
        guard let start = html.range(of: "aria-label=\"\(label)\""),
              let end = html[start.upperBound...].range(of: "</nav>") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    static func links(in html: String) -> [String] { html.quotedValues(after: "href=\"") }

    @Test func theFooterListsTheFirstEightExtraPagesByOrderOnEveryPage() throws {
        var files: [String: String] = ["index.md": "---\ntitle: Home\n---\nHello.\n"]
        for number in 1...30 {
            files["pages/page-\(number).md"] = "---\ntitle: Page \(number)\norder: \(31 - number)\n---\nText \(number).\n"
        }
        let site = try TestSite(files)
        defer { site.remove() }
        try site.buildOK()
        // Order 1 is page 30, order 2 is page 29, ...
        let expected = (23...30).reversed().map { "/page-\($0)/" }
        for path in ["index.html", "page-1/index.html", "page-30/index.html", "404.html"] {
            let html = try #require(site.read(path), "\(path) was not written")
            let footer = try #require(Self.nav(labelled: "Site information", in: html), "\(path) has no footer menu")
            #expect(Self.links(in: footer) == expected, "\(path)")
        }
    }

    /// A site of a home page and `count` services, `Service 1` to `Service <count>` in that order, built.
    static func builtSiteWithServices(_ count: Int) throws -> TestSite {
        var files: [String: String] = ["index.md": "---\ntitle: Home\n---\nHello.\n"]
        for number in 1...count {
            files["services/service-\(number).md"] = "---\ntitle: Service \(number)\nsummary: What \(number) is.\norder: \(number)\n---\nBody.\n"
        }
        let site = try TestSite(files)
        do { try site.buildOK() } catch {
            site.remove()
            throw error
        }
        return site
    }

    @Test func theHomePageShowsSixServicesAndLinksToTheRest() throws {
        let site = try Self.builtSiteWithServices(40)
        defer { site.remove() }
        let home = try #require(site.read("index.html"))
        let section = try #require(home.range(of: "id=\"services-heading\"").map { String(home[$0.upperBound...]) })
        let links = Self.links(in: String(section[..<(section.range(of: "</section>")?.lowerBound ?? section.endIndex)]))
        #expect(links.filter { $0 != "/services/" } == (1...6).map { "/services/service-\($0)/" })
        #expect(links.contains("/services/"), "the home page links to the list of all services")
    }

    @Test func aServicePageNamesFourOtherServicesAndTheListNamesAll() throws {
        let site = try Self.builtSiteWithServices(40)
        defer { site.remove() }
        let page = try #require(site.read("services/service-39/index.html"))
        let related = try #require(page.range(of: "Other services</h2>").map { String(page[$0.upperBound...]) })
        let others = Self.links(in: String(related[..<(related.range(of: "</nav>")?.lowerBound ?? related.endIndex)]))
        #expect(others == ["/services/service-40/", "/services/service-1/", "/services/service-2/", "/services/service-3/"])
        let list = try #require(site.read("services/index.html"))
        #expect((1...40).allSatisfy { list.contains("href=\"/services/service-\($0)/\"") })
    }

    @Test func aLongListEncodesEveryItemInOrder() throws {
        struct Item: Encodable { let title: String; let isNew: Bool }
        let items = (0..<5000).map { Item(title: "Item \($0)", isNew: $0.isMultiple(of: 2)) }
        guard case .list(let encoded) = ContextEncoder.encode(items) else {
            Issue.record("a list of items must encode as a list")
            return
        }
        #expect(encoded.count == 5000)
        #expect(encoded.enumerated().allSatisfy { index, item in
            guard case .text(let title)? = item["title"], case .flag(let isNew)? = item["is_new"] else { return false }
            return title == "Item \(index)" && isNew == index.isMultiple(of: 2)
        })
    }
}
