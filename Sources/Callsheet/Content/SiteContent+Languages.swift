/// Translations: `faq.es.md` beside `faq.md` is the Spanish FAQ, published under `/es/`.
extension SiteContent {
    /// What a content file is, by its name's language suffix.
    enum FileLanguage {
        case original
        case translation(original: String, code: String)
        /// A translation into a language site.yml does not declare: an error, and the file is not read.
        case refused(Diagnostic)
    }

    static func language(of file: String, files: Set<String>, config: SiteConfig, displayPath: (String) -> String) -> FileLanguage {
        guard let (original, code) = TranslationFile.split(file) else { return .original }
        if config.languages.contains(where: { $0.code == code }) { return .translation(original: original, code: code) }
        guard files.contains(original) || TranslationFile.builtInLanguages.contains(code) || code == config.language else { return .original }
        let message = code == config.language
            ? "`\(file)` is named as a translation into `\(code)`, which is the site's own language"
            : "`\(file)` is a translation into `\(code)`, a language site.yml does not declare"
        let hint = code == config.language
            ? "rename it `\(original)`: pages in the site's own language have no language in their names"
            : "add `- code: \(code)` under `languages:` in site.yml, or rename the file"
        return .refused(.error(message, at: SourceLocation(path: displayPath(file), line: 1), hint: hint))
    }

    /// The theme's word for the default title of each kind with one.
    static let titleKeys: [PageKind: String] = [.about: "nav_about", .services: "title_services", .credits: "nav_credits",
                                                .testimonials: "nav_testimonials", .faq: "faq_long", .news: "title_news",
                                                .contact: "nav_contact"]

    /// Arranges each language's pages on its own (each gets its home, 404 and section lists), then puts
    /// every language but the default under its folder.
    static func arrangeLanguages(_ pages: [Page], config: SiteConfig, strings: StringTable?, diagnostics: inout Diagnostics) -> [Page] {
        var arranged: [Page] = []
        let folders = Set(config.languages.map(\.code))
        for page in pages where page.original == nil {
            guard let first = page.sitePath.split(separator: "/").first, folders.contains(String(first)) else { continue }
            diagnostics.error("the address `/\(first)/` is the folder of the site's pages in `\(first)`",
                              at: page.slugLocation ?? page.sourcePath.map { SourceLocation(path: $0, line: 0) },
                              hint: "rename the file or give it another `slug`")
        }
        for code in config.allLanguages {
            var own = pages.filter { ($0.language.isEmpty ? config.language : $0.language) == code }
            for index in own.indices {
                own[index].language = code
                // A translation that gives no title takes the theme's word for its kind, not the English default.
                if own[index].original != nil, own[index].title == own[index].kind.declaration.defaultTitle,
                   let key = Self.titleKeys[own[index].kind], let strings, strings.words(code) != nil {
                    own[index].title = strings.text(key, in: code)
                }
            }
            let folder = config.folder(of: code)
            let words = strings.flatMap { $0.words(code) == nil ? nil : (table: $0, code: code) }
            for var page in arrange(own, config: config.localized(to: code), words: words, diagnostics: &diagnostics) {
                page.language = code
                page.sitePath = folder + page.sitePath
                arranged.append(page)
            }
        }
        return arranged
    }
}

extension Page {
    /// Makes this page the translation of `original` into `code`: its address is the original's unless it
    /// gives its own `slug:` (the language's folder is added once every page is read).
    mutating func translate(from original: String, into code: String) {
        self.original = original
        self.language = code
        if (self.slugLocation?.line ?? 0) == 0, let folder = SiteContent.slugFolder(of: self.kind) {
            let stem = String((original.split(separator: "/").last ?? "").dropLast(3))
            self.sitePath = folder + Slug.anchor(from: stem) + "/"
        }
    }
}

extension LanguageSettings {
    /// With smart punctuation in its texts, as the site's own texts have.
    var smartened: LanguageSettings {
        var settings = self
        settings.title = title.map(Typography.smart)
        settings.tagline = tagline.map(Typography.smart)
        settings.description = description.map(Typography.smart)
        return settings
    }
}
