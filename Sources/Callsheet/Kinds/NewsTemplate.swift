/// The news list's keys: `posts`, newest first.
struct NewsData: Encodable {
    let posts: Prebuilt?

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        NewsData(posts: rendering.context.postsList(reads: rendering.reads))
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
        return PostData(post: Post(date: date, dateText: rendering.context.date(date), summary: page.summary))
    }
}
