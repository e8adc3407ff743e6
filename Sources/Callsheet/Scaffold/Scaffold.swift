import Foundation

/// The files `build-site new` writes: front matter filled in, hints as YAML comments, and a body that
/// builds and passes `build-site check` as it is. Every placeholder holds `placeholderMarker`, so
/// `check --strict` can find the text still to be written.
public enum Scaffold {
    /// The words every placeholder that `new` writes contains, and that `check --strict` looks for.
    public static let placeholderMarker = "Replace this:"

    /// A new service file: its path inside the content folder and its text.
    public static func service(title: String, order: Int) -> (path: String, text: String) {
        let text = """
        ---
        title: \(yamlQuoted(title))
        # One sentence, shown under the title in the list of services.
        summary: \(yamlQuoted("\(placeholderMarker) what \(shortened(title)) involves, in one sentence."))
        # Services are listed by order, then by title.
        order: \(order)
        # What search engines show: one sentence of 50 to 160 characters.
        description: \(yamlQuoted(description(for: title, ending: ": what it involves and who it is for.")))
        ---
        \(placeholderMarker) describe \(shortened(title)) here: what it involves, who it is for, and how to book it.

        """
        return ("services/\(fileSlug(title)).md", text)
    }

    /// A new extra page, published at `/<slug>/`. See `refusal(forPage:)` for titles it cannot take.
    public static func page(title: String) -> (path: String, text: String) {
        let text = """
        ---
        title: \(yamlQuoted(title))
        # What search engines show: one sentence of 50 to 160 characters.
        description: \(yamlQuoted(description(for: title, ending: ": what this page covers, in one sentence.")))
        ---
        \(placeholderMarker) write this page in Markdown. Link to other pages by their file, such as `[the FAQ](../faq.md)`.

        """
        return ("pages/\(fileSlug(title)).md", text)
    }

    /// Why `new page` cannot make a page with this title, if it cannot: its address belongs to a page
    /// every site has (`About`, `FAQ`, `Contact`, `404`...), so the build would refuse it.
    public static func refusal(forPage title: String) -> (message: String, hint: String)? {
        let slug = fileSlug(title)
        guard SiteContent.reservedSlugs.contains(slug) else { return nil }
        let own = ["index": "index.md", "about": "about.md", "faq": "faq.md", "contact": "contact.md",
                   "services": "services/_index.md", "credits": "credits.md", "testimonials": "testimonials.md"]
        let hint: String
        if let file = own[slug] {
            hint = "that page is content/\(file): edit it there, or choose another title"
        } else if slug == "news" {
            hint = "the news page lists the posts in content/news/: start one with `build-site new news \"Title\"`"
        } else if slug == "404" {
            hint = "the site makes its 404 page itself from the theme's 404.mustache; choose another title"
        } else {
            hint = "choose another title"
        }
        return ("the address `/\(slug)/` is already used by the site, so a page called \"\(title)\" would not build", hint)
    }

    /// A new news post, dated `date` (`YYYY-MM-DD`), at `news/<slug>.md`.
    public static func news(title: String, date: String) -> (path: String, text: String) {
        let text = """
        ---
        title: \(yamlQuoted(title))
        # The day of the talk, interview or article, as YYYY-MM-DD. Posts are listed newest first.
        date: \(date)
        # One sentence, shown in the list of news and in the feed.
        summary: \(yamlQuoted("\(placeholderMarker) what \(shortened(title)) was about, in one sentence."))
        ---
        \(placeholderMarker) write the post in Markdown: where and when it was, what you said, and a link to the recording or article.

        """
        return ("news/\(fileSlug(title)).md", text)
    }

    /// The next `order` for a service: one more than the largest in use; `nil` when the largest is the
    /// largest whole number there is (`order: 9223372036854775807`).
    public static func nextOrder(after orders: [Int]) -> Int? {
        let (next, overflowed) = (orders.max() ?? 0).addingReportingOverflow(1)
        return overflowed ? nil : next
    }

    /// Whether `text` is a real day written `YYYY-MM-DD`, as front matter dates must be.
    public static func isDate(_ text: String) -> Bool { FieldReader.isDate(text) }

    /// The day `now` falls on where the coordinator is, as `YYYY-MM-DD`.
    public static func day(of now: Date, in timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The file name for a title: its slug, cut at a hyphen to at most 60 characters.
    static func fileSlug(_ title: String) -> String {
        let slug = Slug.anchor(from: title)
        guard slug.count > 60 else { return slug }
        let cut = slug.prefix(60)
        return String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
    }

    static func shortened(_ title: String) -> String {
        title.count > 80 ? String(title.prefix(80)).trimmingSpaces() : title
    }

    static func description(for title: String, ending: String) -> String {
        "\(placeholderMarker) " + shortened(title) + ending
    }

    /// A YAML double-quoted string, so colons, `#` and quotes in a title stay text.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
