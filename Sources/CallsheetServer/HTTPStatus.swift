/// The status codes this server answers with.
enum HTTPStatus: Int, Sendable {
    case switchingProtocols = 101
    case ok = 200
    case movedPermanently = 301
    case badRequest = 400
    case forbidden = 403
    case notFound = 404
    case methodNotAllowed = 405
    case requestTimeout = 408
    case uriTooLong = 414
    case upgradeRequired = 426
    case headersTooLarge = 431
    case internalServerError = 500
    case serviceUnavailable = 503

    var reason: String {
        switch self {
        case .switchingProtocols: return "Switching Protocols"
        case .ok: return "OK"
        case .movedPermanently: return "Moved Permanently"
        case .badRequest: return "Bad Request"
        case .forbidden: return "Forbidden"
        case .notFound: return "Not Found"
        case .methodNotAllowed: return "Method Not Allowed"
        case .requestTimeout: return "Request Timeout"
        case .uriTooLong: return "URI Too Long"
        case .upgradeRequired: return "Upgrade Required"
        case .headersTooLarge: return "Request Header Fields Too Large"
        case .internalServerError: return "Internal Server Error"
        case .serviceUnavailable: return "Service Unavailable"
        }
    }
}
