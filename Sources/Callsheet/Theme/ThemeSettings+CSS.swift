extension ThemeSettings {
    /// Where the build writes the stylesheet made from these settings.
    public static let stylesheetPath = "assets/theme.css"

    /// The system font stacks a font name stands for: fonts most devices have, nothing downloaded.
    static let fontStacks: [String: String] = [
        "serif": #""Iowan Old Style", "Palatino Linotype", Palatino, "URW Palladio L", P052, "Book Antiqua", Georgia, serif"#,
        "sans": #"system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", Arial, sans-serif"#,
        "humanist": #"Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", "Source Sans Pro", sans-serif"#,
        "rounded": #"ui-rounded, "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", Calibri, sans-serif"#,
        "mono": #"ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace"#,
    ]

    /// The stylesheet that applies these settings over the theme's `style.css`, loaded after it; nil
    /// when the settings change nothing. `root` is the path the site's URLs start with.
    public func stylesheet(root: String) -> String? {
        guard !changesNothing else { return nil }
        var css = "/* Made by Callsheet from the theme: settings in site.yml. Edit those, not this file. */\n"
        var properties: [String] = []
        for (font, variable, family, fallback) in [(bodyFont, "--font-body", "Site Body", "sans"),
                                                   (headingFont, "--font-headings", "Site Headings", "serif")] {
            switch font {
            case .stack(let name)?:
                properties.append("\(variable): \(Self.fontStacks[name] ?? "inherit");")
            case .file(let path)?:
                css += "@font-face { font-family: \"\(family)\"; src: url(\"\(root)\(path)\") format(\"woff2\"); "
                    + "font-weight: 100 900; font-display: swap; }\n"
                properties.append("\(variable): \"\(family)\", \(Self.fontStacks[fallback] ?? "sans-serif");")
            case nil:
                break
            }
        }
        if !properties.isEmpty { css += ":root {\n  " + properties.joined(separator: "\n  ") + "\n}\n" }
        // Colours on screen only: printing keeps the theme's black on white.
        if let accent { css += "@media screen {\n  :root { --accent: \(accent.hex); }\n}\n" }
        if let darkAccent { css += "@media screen and (prefers-color-scheme: dark) {\n  :root { --accent: \(darkAccent.hex); }\n}\n" }
        return css
    }
}
