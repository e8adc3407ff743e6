import Callsheet

/// The page every request gets while the site has errors: the same diagnostics as the terminal,
/// escaped, in a page that reloads itself once the next build succeeds.
public enum ErrorPage {
    public static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var items = ""
        for diagnostic in diagnostics {
            items += "<li class=\"\(diagnostic.severity.rawValue)\"><code>\(HTML.escape(diagnostic.location?.description ?? "build-site"))</code> "
            items += "<strong>\(diagnostic.severity.rawValue):</strong> \(HTML.escape(diagnostic.message))"
            if let hint = diagnostic.hint { items += "<br><span class=\"hint\">hint: \(HTML.escape(hint))</span>" }
            items += "</li>\n"
        }
        let count = "\(errors.count) \(errors.count == 1 ? "error" : "errors")"
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed: \(count)</title>
        <style>
        body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem;background:#fff7f5;color:#2b2622}
        main{max-width:60rem;margin:auto}h1{color:#a12a2f;font-size:1.6rem}
        ul{list-style:none;padding:0}li{background:#fff;border-left:4px solid #a12a2f;padding:.75rem 1rem;margin:.75rem 0}
        li.warning{border-color:#8a5a00}code{font-weight:600;overflow-wrap:anywhere}.hint{color:#5b5149}
        @media (prefers-color-scheme:dark){body{background:#1d1717;color:#ece5dc}li{background:#2a2222}h1{color:#ff9e9e}.hint{color:#bcb2a6}}
        </style>
        </head>
        <body>
        <main>
        <h1>The site could not be built: \(count)</h1>
        <p>Fix the file named on each line and save; this page reloads by itself.</p>
        <ul>
        \(items)</ul>
        </main>
        </body>
        </html>

        """
    }
}
