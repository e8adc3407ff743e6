import Testing
@testable import Callsheet

@Suite struct LinkResolverTests {
    static func resolver(base: String = "https://example.com/") -> LinkResolver {
        func page(_ kind: PageKind, _ file: String, _ path: String) -> Page {
            Page(kind: kind, sourcePath: "content/" + file, contentPath: file, sitePath: path, title: "T")
        }
        let pages = [page(.home, "index.md", ""), page(.faq, "faq.md", "faq/"), page(.service, "services/x.md", "services/x/"),
                     page(.page, "pages/privacy.md", "privacy/")]
        return LinkResolver(pages: pages, contentFiles: ["index.md", "faq.md", "services/x.md", "pages/privacy.md", "notes.txt",
                                                         "media/cv.pdf", "pages/old.md"],
                            mediaFiles: ["media/cv.pdf"], draftFiles: ["pages/old.md"], baseURL: BaseURL(base)!)
    }

    @Test(arguments: [
        ("services/x.md", "../faq.md#fees", "/faq/#fees"),
        ("services/x.md", "/faq.md", "/faq/"),
        ("index.md", "faq.md", "/faq/"),
        ("index.md", "services/x.md", "/services/x/"),
        ("pages/privacy.md", "../index.md", "/"),
        ("index.md", "media/cv.pdf", "/media/cv.pdf"),
        ("services/x.md", "/media/cv.pdf", "/media/cv.pdf"),
        ("index.md", "/faq/", "/faq/"),
        ("index.md", "faq.md?x=1#a", "/faq/?x=1#a"),
    ])
    func contentLinksBecomePrettyURLs(file: String, link: String, url: String) {
        guard case .internalLink(let resolved, _, _) = Self.resolver().resolve(link, from: file) else {
            Issue.record("\(link) did not resolve"); return
        }
        #expect(resolved == url)
    }

    @Test func subPathBaseURLsKeepEveryLinkInsideThePath() {
        let resolver = Self.resolver(base: "https://example.github.io/portfolio/")
        #expect(resolver.resolve("../faq.md#fees", from: "services/x.md") == .internalLink(url: "/portfolio/faq/#fees", page: "faq/", fragment: "fees"))
        #expect(resolver.resolve("/media/cv.pdf", from: "index.md") == .internalLink(url: "/portfolio/media/cv.pdf", page: nil, fragment: nil))
    }

    @Test(arguments: ["https://example.org/", "mailto:a@b.c", "tel:+1555", "#top", "//cdn.example/x"])
    func externalLinksAreLeftAlone(link: String) {
        #expect(Self.resolver().resolve(link, from: "index.md") == .external)
    }

    @Test(arguments: [
        ("missing.md", "the link `missing.md` leads to `missing.md`, which does not exist"),
        ("../../x.md", "the link `../../x.md` leads outside the content folder"),
        ("pages/old.md", "the link `pages/old.md` leads to a draft, which is not published"),
        ("notes.txt", "the link `notes.txt` leads to `notes.txt`, which is not published"),
    ])
    func brokenLinksAreProblems(link: String, message: String) {
        guard case .problem(let text, _) = Self.resolver().resolve(link, from: "index.md") else {
            Issue.record("\(link) should be a problem"); return
        }
        #expect(text == message)
    }
}
