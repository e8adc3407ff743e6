import CCmark

extension MarkdownDocument {
    /// A heading's content as inline HTML, for places that show it outside its `<hN>` (the FAQ's
    /// questions and their list): emphasis, strong and code kept, links and images reduced to their text
    /// (a question is itself a link target and sits inside the list's links), line breaks as spaces.
    /// Raw HTML is kept only when the options allow it.
    public func inlineHTML(ofBlock index: Int) -> String {
        Self.inlineHTML(of: blockNodes[index], allowsRawHTML: options.allowsRawHTML)
    }

    static func inlineHTML(of node: OpaquePointer, allowsRawHTML: Bool) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var html = ""
        var imageDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator), child != node else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let literal = cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT where entering:
                html += HTML.escape(literal)
            case CMARK_NODE_CODE where entering:
                html += imageDepth > 0 ? HTML.escape(literal) : "<code>" + HTML.escape(literal) + "</code>"
            case CMARK_NODE_SOFTBREAK where entering, CMARK_NODE_LINEBREAK where entering:
                html += " "
            case CMARK_NODE_HTML_INLINE where entering && allowsRawHTML && imageDepth == 0:
                html += literal
            case CMARK_NODE_EMPH where imageDepth == 0:
                html += entering ? "<em>" : "</em>"
            case CMARK_NODE_STRONG where imageDepth == 0:
                html += entering ? "<strong>" : "</strong>"
            case CMARK_NODE_IMAGE:
                imageDepth += entering ? 1 : -1
            default:
                break
            }
        }
        return html
    }
}
