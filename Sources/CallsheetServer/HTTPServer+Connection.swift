import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPServer {
    /// Answers the requests of one connection until it closes, breaks a limit, or upgrades to a WebSocket.
    func serve(_ connection: Int32, with handler: Handler) {
        Socket.setSendTimeout(connection, seconds: limits.requestTimeout)
        var reader = HTTPRequestReader(descriptor: connection, limits: limits)
        while true {
            switch reader.next() {
            case .closed:
                return
            case .refused(let status):
                Socket.send(connection, Self.refusal(status).encoded(closing: true))
                Socket.closeGently(connection)
                return
            case .request(let request):
                switch handler(request) {
                case .response(let response):
                    let closing = !request.keepsAlive || request.hasBody
                    guard Socket.send(connection, response.encoded(closing: closing, includeBody: request.method != "HEAD")) else { return }
                    if closing {
                        if request.hasBody { Socket.closeGently(connection) }
                        return
                    }
                case .webSocket(let response, let body):
                    guard Socket.send(connection, response.encoded(closing: false)) else { return }
                    body(WebSocket(descriptor: connection, buffered: reader.takeBuffered()))
                    return
                }
            }
        }
    }

    static func refusal(_ status: HTTPStatus) -> HTTPResponse {
        switch status {
        case .uriTooLong: return .text(status, "The address asked for is too long.")
        case .headersTooLarge: return .text(status, "The request's headers are too large.")
        case .requestTimeout: return .text(status, "The request did not arrive in time.")
        default: return .text(status, "This is not a request this server understands.")
        }
    }
}
