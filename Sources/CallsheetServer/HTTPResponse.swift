import Foundation

/// One answer: status, headers and body. `Content-Length` and `Connection` are added as it is sent.
struct HTTPResponse: Sendable {
    var status: HTTPStatus
    var headers: [(name: String, value: String)]
    var body: Data

    init(_ status: HTTPStatus, type: String, body: Data, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.headers = [("Content-Type", type), ("Cache-Control", "no-store")] + headers
        self.body = body
    }

    /// A short plain-text answer, for errors and redirects.
    static func text(_ status: HTTPStatus, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status, type: "text/plain; charset=utf-8", body: Data((text + "\n").utf8), headers: headers)
    }

    /// The bytes to send; a HEAD answer keeps its `Content-Length` but drops the body.
    func encoded(closing: Bool, includeBody: Bool = true) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if status != .switchingProtocols {
            head += "Content-Length: \(body.count)\r\n"
            head += closing ? "Connection: close\r\n" : "Connection: keep-alive\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes.append(contentsOf: body) }
        return bytes
    }
}
