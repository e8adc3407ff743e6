/// The news list's keys: `posts`, newest first.
struct NewsData: Encodable {
    let posts: Prebuilt?

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        NewsData(posts: rendering.context.postsList)
    }
}

/// A news post's keys: `post.date`, `post.date_text`, `post.summary`.
struct PostData: Encodable {
    struct Post: Encodable {
        let date: String
        let dateText: String
        let summary: String?
    }

    let post: Post

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let page = rendering.page
        let date = page.date ?? ""
        rendering.jsonld.append(StructuredData.blogPosting(page, config: rendering.config))
        return PostData(post: Post(date: date, dateText: DateText.long(date), summary: page.summary))
    }
}

/// Dates as a reader writes them: `2026-03-01` is `1 March 2026`.
enum DateText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    static func long(_ date: String) -> String {
        let parts = date.prefix(10).split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]) else { return date }
        return "\(day) \(months[month - 1]) \(parts[0])"
    }
}
