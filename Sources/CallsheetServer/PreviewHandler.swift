import Callsheet
import FlyingFox
import Foundation

/// Answers every request: the reload socket, files from the output folder (HTML with the reload script
/// added), the site's 404 page, redirects for folders, and the error page while the site has errors.
struct PreviewHandler: HTTPHandler {
    let state: SiteState
    let reloads: ReloadBroadcaster

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent, decoded once: FlyingFox's `path` is tidied, which drops a trailing `/`.
        let path = request.target.path(percentEncoded: false)
        if path == LiveReload.path {
            return try await WebSocketHTTPHandler.webSocket(ReloadSocket(reloads: reloads)).handleRequest(request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return respond(request, status: .methodNotAllowed, type: "text/plain; charset=utf-8",
                           body: Data("Only GET and HEAD are served.\n".utf8), extra: [.init("Allow"): "GET, HEAD"])
        }
        let output = state.output
        let root = await state.root
        let resolution = StaticFiles.resolve(path, prefix: root) { StaticFiles.entry($0, in: output) }
        if let failure = await state.failure, resolution.isPage {
            return respond(request, status: .internalServerError, type: "text/html; charset=utf-8",
                           body: Data(LiveReload.inject(into: ErrorPage.html(failure)).utf8))
        }
        switch resolution {
        case .file(let path):
            return serve(request, file: path, status: .ok, output: output)
        case .redirect(let location):
            return respond(request, status: .movedPermanently, type: "text/plain; charset=utf-8",
                           body: Data("Moved to \(location)\n".utf8), extra: [.location: location])
        case .notFound:
            if StaticFiles.entry("404.html", in: output) == .file {
                return serve(request, file: "404.html", status: .notFound, output: output)
            }
            return respond(request, status: .notFound, type: "text/plain; charset=utf-8", body: Data("Not found\n".utf8))
        case .badRequest:
            return respond(request, status: .badRequest, type: "text/plain; charset=utf-8", body: Data("Bad request\n".utf8))
        }
    }

    private func serve(_ request: HTTPRequest, file: String, status: HTTPStatusCode, output: URL) -> HTTPResponse {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(file).path) else {
            return respond(request, status: .notFound, type: "text/plain; charset=utf-8", body: Data("Not found\n".utf8))
        }
        let type = StaticFiles.contentType(of: file)
        if type.hasPrefix("text/html") {
            return respond(request, status: status, type: type, body: Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8))
        }
        return respond(request, status: status, type: type, body: data)
    }

    private func respond(_ request: HTTPRequest, status: HTTPStatusCode, type: String, body: Data,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .init("Cache-Control"): "no-store", .contentLength: String(body.count)]
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: request.method == .HEAD ? Data() : body)
    }
}

extension StaticFiles.Resolution {
    /// Whether the answer would be a page (so the error page stands in for it while the build is broken).
    var isPage: Bool {
        switch self {
        case .file(let path): return path.hasSuffix(".html")
        case .notFound, .redirect: return true
        case .badRequest: return false
        }
    }
}

/// One open page's reload socket.
struct ReloadSocket: WSMessageHandler {
    let reloads: ReloadBroadcaster

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        let id = await reloads.add(continuation)
        let reloads = self.reloads
        Task {
            for await message in client {
                if case .close = message { break }
            }
            await reloads.remove(id)
            continuation.finish()
        }
        return stream
    }
}
