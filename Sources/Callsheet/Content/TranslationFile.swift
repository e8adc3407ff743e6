/// The names of translations: `faq.es.md` is the Spanish `faq.md`, `services/x.fr-CA.md` the
/// Canadian French `services/x.md`.
enum TranslationFile {
    /// Languages whose suffix is taken for a translation even without the original beside it.
    static let builtInLanguages: Set<String> = ["en", "es", "fr", "de", "pt"]

    /// The original's file and the language, when the name ends in `.<language tag>.md`.
    static func split(_ file: String) -> (original: String, code: String)? {
        guard file.hasSuffix(".md") else { return nil }
        let stem = file.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") else { return nil }
        let code = String(stem[stem.index(after: dot)...])
        let first = code.split(separator: "-").first ?? ""
        guard SiteConfig.isLanguageTag(code), first.allSatisfy(\.isLowercase) else { return nil }
        return (String(stem[..<dot]) + ".md", code)
    }

    /// The translation of `file` into `code`: `about.md` -> `about.es.md`.
    static func name(of file: String, in code: String) -> String {
        String(file.dropLast(3)) + "." + code + ".md"
    }
}
