import Foundation

/// One request as read off a connection: its request line and headers. Bodies are never read; a
/// request that has one gets its answer and then the connection is closed.
struct HTTPRequest: Sendable {
    var method: String
    /// The target as sent, such as `/faq/?x=1`.
    var target: String
    var version: String
    /// Header names in lower case, values without surrounding spaces, in the order sent.
    var headers: [(name: String, value: String)]

    /// The first value of a header.
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// Whether a header's comma-separated value holds `token` (case ignored).
    func header(_ name: String, contains token: String) -> Bool {
        headers.filter { $0.name == name }.contains { header in
            header.value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == token }
        }
    }

    /// The path, percent-decoded once, without the query; nil when it is not a path or not decodable.
    var path: String? {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard raw.hasPrefix("/") else { return nil }
        return raw.removingPercentEncoding
    }

    /// Whether the client may send another request on this connection after the answer.
    var keepsAlive: Bool {
        if header("connection", contains: "close") { return false }
        return version == "HTTP/1.1" || header("connection", contains: "keep-alive")
    }

    /// Whether a body follows the headers (which this server does not read).
    var hasBody: Bool {
        header("transfer-encoding") != nil || (header("content-length").map { $0 != "0" } ?? false)
    }
}
