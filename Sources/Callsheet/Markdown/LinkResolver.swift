import Foundation

/// Turns links written in content into site URLs: `../faq.md#fees` in `services/x.md` becomes
/// `/faq/#fees`, `/media/cv.pdf` becomes `/media/cv.pdf` under the base URL's path.
public struct LinkResolver: Sendable {
    /// What a link resolved to.
    public enum Resolution: Sendable, Equatable {
        /// Leave the link as written (external, `mailto:`, or a `#fragment` of the same page).
        case external
        /// Rewrite to `url`; `page` is the site path of the page it leads to, and `fragment` its `#anchor`.
        case internalLink(url: String, page: String?, fragment: String?)
        /// A mistake in the link, said in words.
        case problem(String, hint: String?)
    }

    private let pagesByFile: [String: String]
    /// The language of each translation's file (`faq.es.md`: `es`); links written in it lead to translations.
    private let translationLanguage: [String: String]
    private let draftFiles: Set<String>
    private let sitePaths: Set<String>
    private let publishedFiles: Set<String>
    private let contentFiles: Set<String>
    private let unreadFiles: Set<String>
    private let baseURL: BaseURL

    /// A resolver for the published `pages`, the files under media/ and every content file. Links to
    /// `unreadFiles` (pages whose own mistakes kept them out of this build) are left alone: the mistake
    /// is reported at that page, not again at every link to it.
    public init(pages: [Page], contentFiles: [String], mediaFiles: [String], draftFiles: Set<String>, baseURL: BaseURL,
                unreadFiles: Set<String> = []) {
        self.unreadFiles = unreadFiles
        var byFile: [String: String] = [:]
        for page in pages where page.kind != .thanks {
            if let file = page.contentPath { byFile[file] = page.sitePath }
        }
        pagesByFile = byFile
        translationLanguage = Dictionary(pages.compactMap { page in page.original == nil ? nil : page.contentPath.map { ($0, page.language) } },
                                         uniquingKeysWith: { first, _ in first })
        sitePaths = Set(pages.map(\.sitePath))
        publishedFiles = Set(mediaFiles)
        self.contentFiles = Set(contentFiles)
        self.draftFiles = draftFiles
        self.baseURL = baseURL
    }

    /// Resolves `destination`, written in the content file `file`.
    public func resolve(_ destination: String, from file: String) -> Resolution {
        let trimmed = destination.trimmingSpaces()
        if trimmed.isEmpty { return .problem("this link has no address", hint: "write the address between the parentheses") }
        if let scheme = Self.scriptScheme(trimmed) {
            let does = scheme == "file" ? "opens a file on the reader's own computer" : "can run a script in the reader's browser"
            return .problem("a `\(scheme):` address \(does), so browsers' safety rules leave it out of the page",
                            hint: "link to a page (its .md file), a file in media/, or a web address starting with https://")
        }
        if trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || Self.hasScheme(trimmed) { return .external }

        var path = trimmed
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        var query = ""
        if let mark = path.firstIndex(of: "?") {
            query = String(path[mark...])
            path = String(path[..<mark])
        }
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? (path.removingPercentEncoding ?? path) : path
        let base = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast().map(String.init)
        guard let target = Self.normalize(base + decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)) else {
            return .problem("the link `\(destination)` leads outside the content folder", hint: nil)
        }
        let suffix = (fragment.map { "#" + $0 } ?? "")
        let targetPath = target.joined(separator: "/")
        let endsWithSlash = decoded.hasSuffix("/") || decoded.isEmpty

        if targetPath.hasSuffix(".md") {
            if let code = translationLanguage[file], let sitePath = pagesByFile[TranslationFile.name(of: targetPath, in: code)] {
                return .internalLink(url: baseURL.url(sitePath) + query + suffix, page: sitePath, fragment: fragment)
            }
            if unreadFiles.contains(targetPath) { return .external }
            if let sitePath = pagesByFile[targetPath] {
                return .internalLink(url: baseURL.url(sitePath) + query + suffix, page: sitePath, fragment: fragment)
            }
            if draftFiles.contains(targetPath) {
                return .problem("the link `\(destination)` leads to a draft, which is not published",
                                hint: "remove `draft: true` from that page, or build with --drafts")
            }
            if let (original, code) = TranslationFile.split(targetPath), pagesByFile[original] != nil {
                return .problem("the link `\(destination)` leads to `\(targetPath)`, a translation into `\(code)` that does not exist",
                                hint: "link `\(original)` instead: in a translation it leads to the translated page where there is one, else to the original")
            }
            return .problem("the link `\(destination)` leads to `\(targetPath)`, which does not exist",
                            hint: "check the file name; links to other pages name their .md file")
        }
        if publishedFiles.contains(targetPath) {
            return .internalLink(url: baseURL.url(Self.percentEncode(targetPath)) + query + suffix, page: nil, fragment: nil)
        }
        // A site address written out, such as `/faq/` or `../services/`.
        let asSitePath = targetPath.isEmpty ? "" : targetPath + "/"
        if sitePaths.contains(asSitePath), endsWithSlash || !targetPath.contains(".") {
            return .internalLink(url: baseURL.url(asSitePath) + query + suffix, page: asSitePath, fragment: fragment)
        }
        if contentFiles.contains(targetPath) {
            return .problem("the link `\(destination)` leads to `\(targetPath)`, which is not published",
                            hint: "files that pages link to belong in media/")
        }
        // A file (or a folder) left out for its own mistake is there: the mistake is reported at it, once.
        var folder = targetPath
        while !folder.isEmpty {
            if unreadFiles.contains(folder) { return .external }
            folder = parentFolder(of: folder)
        }
        return .problem("the link `\(destination)` leads to `\(targetPath.isEmpty ? "/" : targetPath)`, which does not exist",
                        hint: missingHint(destination, targetPath: targetPath, from: file))
    }

    /// For a link written in a translation that leads to a page with no translation into its language: the
    /// original page's file it leads to instead (so `check` can say so).
    public func untranslatedTarget(_ destination: String, from file: String) -> String? {
        guard destination.contains(".md"), let code = translationLanguage[file], case .internalLink(_, let page?, _) = resolve(destination, from: file),
              let target = pagesByFile.first(where: { $0.value == page })?.key, translationLanguage[target] != code else { return nil }
        return target
    }

    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    static func normalize(_ parts: [String]) -> [String]? {
        var result: [String] = []
        for part in parts {
            switch part {
            case ".": continue
            case "..":
                if result.isEmpty { return nil }
                result.removeLast()
            default: result.append(part)
            }
        }
        return result
    }

    static func percentEncode(_ path: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@")
        var out = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, allowed.contains(character) { out.append(character) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }

    /// The scheme of an address cmark leaves out of a page as unsafe (it writes `href=""`): `javascript:`,
    /// `vbscript:`, `file:`, and `data:` but for pictures.
    static func scriptScheme(_ address: String) -> String? {
        let lowered = address.lowercased()
        for scheme in ["javascript", "vbscript", "file", "data"] where lowered.hasPrefix(scheme + ":") {
            if scheme == "data", ["image/png", "image/gif", "image/jpeg", "image/webp"].contains(where: { lowered.dropFirst(5).hasPrefix($0) }) {
                return nil
            }
            return scheme
        }
        return nil
    }

    /// What to write instead of a link to nothing: the path from the file's folder to a media file named as from
    /// the content folder (`media/x.jpg` written in pages/), a file whose name differs only in case, or the rule.
    private func missingHint(_ destination: String, targetPath: String, from file: String) -> String {
        let written = destination.split(separator: "#").first.map(String.init) ?? destination
        let folder = parentFolder(of: file)
        if !folder.isEmpty, publishedFiles.contains(written) {
            let up = String(repeating: "../", count: folder.split(separator: "/").count)
            return "a link is followed from its file's folder, `\(folder)/`: write `\(up)\(written)`, or `/\(written)` from the content folder"
        }
        let lowered = targetPath.lowercased()
        if let near = publishedFiles.first(where: { $0.lowercased() == lowered }) {
            return "did you mean `\(near)`? names of files differ in capitals on most web servers"
        }
        return "links to other pages name their .md file, such as `faq.md`; images and files go in media/"
    }
}
