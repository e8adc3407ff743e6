/// What reading one page file gave: its page (nil when it has mistakes), the problems found, and
/// the other files its reading read (`credits.csv` beside `credits.md`), so that a rebuild in the same
/// process reads a file again only when it, or one of those, changed.
struct FileRead: Sendable {
    var page: Page?
    var diagnostics: [Diagnostic]
    var alsoRead: Set<String>
    /// The file's text but for the body its page keeps (the front matter), or all of it when the page keeps
    /// another body (the testimonials, read from theirs) or there is no page. Two readings of one file with
    /// the same face give pages that differ in their body at most.
    var face = ""

    /// Reads `file`, noting every other file read along the way.
    static func read(_ file: String, kind: PageKind, displayPath: @Sendable (String) -> String, files: Set<String>,
                     readText: @Sendable (String) -> Result<String, Diagnostic>, smart: Bool) -> FileRead {
        var found = Diagnostics()
        switch readText(file) {
        case .success(let text):
            var alsoRead = Set<String>()
            let page = SiteContent.readPage(text, file: file, kind: kind, displayPath: displayPath, files: files,
                                            readText: { other in
                                                alsoRead.insert(other)
                                                return readText(other)
                                            }, smart: smart, diagnostics: &found)
            var face = text
            if let body = page?.body, text.hasSuffix(body) { face = String(text.utf8.dropLast(body.utf8.count)) ?? text }
            return FileRead(page: page, diagnostics: found.all, alsoRead: alsoRead, face: face)
        case .failure(let diagnostic):
            return FileRead(page: nil, diagnostics: [diagnostic], alsoRead: [])
        }
    }

    /// Whether this reading still holds after `changed` (paths inside the content folder) changed.
    func holds(after changed: Set<String>) -> Bool {
        alsoRead.isDisjoint(with: changed)
    }
}
