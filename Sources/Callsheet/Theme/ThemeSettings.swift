/// The look a site chooses in site.yml's `theme:` (accent colour, fonts, logo), on top of the theme's own.
public struct ThemeSettings: Sendable {
    /// A font: one of the system font stacks by name, or a `.woff2` file in `media/`.
    public enum Font: Sendable, Hashable {
        case stack(String)
        case file(String)
    }

    /// The accent for light mode (links, buttons, rules); nil keeps the theme's own.
    public var accent: Color?
    /// The shade of the accent the build derives for dark mode.
    public var darkAccent: Color?
    public var bodyFont: Font?
    public var headingFont: Font?
    /// The logo shown in the header, as a path inside the content folder (`media/logo.svg`).
    public var logo: String?
    /// Where each file setting was written, for "no such file" errors.
    var fileLocations: [String: SourceLocation] = [:]

    /// Whether the site changes nothing, so no theme stylesheet is needed.
    public var changesNothing: Bool { accent == nil && bodyFont == nil && headingFont == nil }

    static let keys: Set<String> = ["accent", "font_body", "font_headings", "logo"]
    static let fontNames: Set<String> = ["serif", "sans", "humanist", "rounded", "mono"]

    /// The built-in theme's backgrounds that accent text sits on (templates/assets/style.css:
    /// `--bg` and `--surface`, light and dark).
    static let pageBackground = Color(hex: "#fbf8f3")!
    static let lightBackgrounds = [pageBackground, Color(hex: "#ffffff")!]
    static let darkBackgrounds = [Color(hex: "#161a1b")!, Color(hex: "#1f2527")!]

    /// Reads the `theme:` group; every problem goes to `reader`, at its line.
    static func read(_ value: YAMLValue?, at location: SourceLocation) -> (ThemeSettings, [Diagnostic]) {
        var reader = FieldReader(value, at: location, what: "`theme`")
        var theme = ThemeSettings()
        theme.readAccent(&reader)
        theme.bodyFont = theme.font("font_body", in: &reader)
        theme.headingFont = theme.font("font_headings", in: &reader)
        if let logo = reader.string("logo") {
            if let path = mediaPath(logo) {
                theme.logo = path
                theme.fileLocations[path] = reader.value("logo")?.location
            } else {
                reader.error("`logo` must be an image file in media/, such as media/logo.svg", at: "logo")
            }
        }
        reader.warnAboutUnknownKeys(known: keys, in: "`theme`")
        return (theme, reader.diagnostics.all)
    }

    private mutating func readAccent(_ reader: inout FieldReader) {
        if reader.keys.contains("accent"), reader.value("accent") == nil {
            reader.error("`accent` is empty", at: "accent",
                         hint: "put the colour in quotes, or YAML reads `#` as the start of a comment: accent: \"#7a2e5c\"")
            return
        }
        guard let text = reader.string("accent") else { return }
        guard let color = Color(hex: text) else {
            reader.error("`accent` must be a colour written in hex, such as \"#7a2e5c\"", at: "accent")
            return
        }
        let (ratio, background) = Contrast.worst(color, on: Self.lightBackgrounds)
        guard ratio >= Contrast.textMinimum else {
            let suggestion = Contrast.nearestPassingShade(of: color, on: Self.lightBackgrounds)
            reader.error("the accent \(color.hex) is too light to read as text: its contrast with the page background "
                         + "\(background.hex) is \(Self.format(ratio)):1, and WCAG AA asks for 4.5:1"
                         + (suggestion.map { "; the nearest shade of the same hue that passes is \($0.hex)" } ?? ""),
                         at: "accent", hint: suggestion.map { "write accent: \"\($0.hex)\", or choose a darker colour" })
            return
        }
        accent = color
        darkAccent = Contrast.darkShade(of: color, on: Self.darkBackgrounds)
    }

    private mutating func font(_ key: String, in reader: inout FieldReader) -> Font? {
        guard let text = reader.string(key) else { return nil }
        if Self.fontNames.contains(text.lowercased()) { return .stack(text.lowercased()) }
        if text.lowercased().hasSuffix(".woff2"), let path = Self.mediaPath(text) {
            fileLocations[path] = reader.value(key)?.location
            return .file(path)
        }
        let guess = FieldReader.nearest(to: text, in: Self.fontNames)
        reader.error("`\(key)` must be serif, sans, humanist, rounded or mono (fonts the visitor already has), "
                     + "or a .woff2 file in media/, such as media/fonts/heading.woff2", at: key,
                     hint: guess.map { "did you mean `\($0)`?" })
        return nil
    }

    /// `media/x` or `/media/x` as a path inside the content folder; nil for anything else.
    static func mediaPath(_ text: String) -> String? {
        let path = text.hasPrefix("/") ? String(text.dropFirst()) : text
        guard path.hasPrefix("media/"), path.count > 6, !path.split(separator: "/").contains(".."),
              !path.contains(where: { $0 == "\"" || $0 == "\\" || $0.isNewline }) else { return nil }
        return path
    }

    /// A ratio with two decimals; a failing ratio never prints as 4.50.
    static func format(_ ratio: Double) -> String {
        let hundredths = min(Int((ratio * 100).rounded()), ratio < Contrast.textMinimum ? 449 : Int.max)
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Settings that name a file in `media/` that is not there.
    func missingFiles(mediaFiles: Set<String>) -> [Diagnostic] {
        var files: [String] = []
        if let logo { files.append(logo) }
        for font in [bodyFont, headingFont] { if case .file(let path)? = font { files.append(path) } }
        return files.filter { !mediaFiles.contains($0) }.map { path in
            .error("`\(path)` is not in the content folder", at: fileLocations[path],
                   hint: "put the file in content/\(path), or fix the name")
        }
    }
}
