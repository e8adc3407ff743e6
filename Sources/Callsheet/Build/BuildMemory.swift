import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build that succeeded keeps for the next build of the same site in the same process (`serve`),
/// so that after an edit only the files that changed are read again and only the pages whose output
/// can change are rendered again. A full build and any sequence of these give the same bytes.
struct BuildMemory: Sendable {
    /// The templates folder as read, its templates and the theme's words: kept while no template changes.
    var templateTree: ThemeFiles
    var templates: TemplateSet
    var strings: StringTable
    var stringProblems: [Diagnostic]
    /// The content folder as listed, and what reading each page file gave.
    var contentTree: SourceTree
    var contentFiles: [String] { contentTree.files }
    var contentFileSet: Set<String>
    var fileReads: [String: FileRead] { report.content.fileReads }
    /// Files some page's reading read besides its own (`credits.csv`).
    var readByPages: Set<String>
    /// The site's shape: every page's kind, file, address and language in site order, and its picture.
    var shape: [PageShape]
    /// The value of every shared piece, by language.
    var facts: [String: FactTable]
    /// Every page as rendered, by output path.
    var pages: [String: RenderedPage]
    /// Each language's renderer (settings, menu, shared lists, form) and what they found.
    var languages: SiteBuilder.LanguageRendering
    /// The build's outcome: the site as written, its content, its warnings.
    var report: BuildReport
    var site: RenderedSite { report.site }
}

/// What of one page decides the site's shape: a change here renders every page again.
struct PageShape: Hashable, Sendable {
    var kind: PageKind
    var contentPath: String?
    var sitePath: String
    var language: String
    var original: String?
    var picture: String?

    init(_ page: Page) {
        kind = page.kind
        contentPath = page.contentPath
        sitePath = page.sitePath
        language = page.language
        original = page.original
        picture = page.picture?.path
    }
}

/// What changed since the build a `BuildMemory` holds.
struct SourceChanges: Sendable {
    /// Content files that changed, as paths inside the content folder.
    var contentFiles: Set<String> = []
    /// Whether a file of the templates folder changed.
    var templates = false
    /// Whether anything may have changed (the watcher lost events): nothing is reused.
    var everything = false

    /// The readings of `memory`'s page files that still hold; nil when none may be taken (site.yml or the
    /// listing changed).
    func readings(in memory: BuildMemory?, listing: [String]) -> [String: FileRead]? {
        guard let memory, !everything, !contentFiles.contains("site.yml"), memory.contentFiles == listing else { return nil }
        return memory.fileReads.filter { file, read in !contentFiles.contains(file) && read.holds(after: contentFiles) }
    }

    /// Without the files that came and went since `memory`'s build (an editor's temporary file, saved
    /// under another name and renamed over the page): in neither listing, they change nothing.
    func withoutPassingFiles(since memory: BuildMemory?) -> SourceChanges {
        guard let memory else { return self }
        var changes = self
        changes.contentFiles = contentFiles.filter { file in
            var status = stat()
            return memory.contentFileSet.contains(file) || lstat(memory.contentTree.root.path + "/" + file, &status) == 0
        }
        return changes
    }

    /// Whether `memory`'s listing still holds: every changed file is one it lists, and still a plain file.
    func keepsListing(of memory: BuildMemory?) -> Bool {
        guard let memory, !everything else { return false }
        return contentFiles.allSatisfy { file in
            var status = stat()
            return memory.contentFileSet.contains(file) && lstat(memory.contentTree.root.path + "/" + file, &status) == 0
                && (status.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// `memory`'s templates, while none changed.
    func templates(in memory: BuildMemory?) -> BuildMemory? {
        everything || templates ? nil : memory
    }

    /// Whether every changed file is one whose effect is followed file by file: a page file, or a file a
    /// page's reading read. Any other (an image, a static file) may change any page.
    func areFollowed(by memory: BuildMemory) -> Bool {
        contentFiles.allSatisfy { file in
            memory.fileReads[file] != nil || memory.readByPages.contains(file)
        }
    }
}
