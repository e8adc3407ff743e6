import Callsheet
import Foundation

/// Answers every request: the reload socket, files from the output folder (HTML with the reload script
/// added), the site's 404 page, redirects for folders, and the error page while the site has errors.
/// Only requests under this server's own names are answered (see `AllowedHosts`).
struct PreviewHandler: Sendable {
    let state: SiteState
    let reloads: ReloadBroadcaster
    let hosts: AllowedHosts

    func answer(_ request: HTTPRequest) -> HTTPServer.Answer {
        guard let host = request.header("host") else { return .response(.text(.badRequest, "The request has no Host header.")) }
        guard hosts.allows(host: host) else {
            return .response(.text(.forbidden, "This preview answers only at its own address, such as http://127.0.0.1 with its port."))
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .response(.text(.methodNotAllowed, "Only GET and HEAD are served.", headers: [("Allow", "GET, HEAD")]))
        }
        guard let path = request.path else { return .response(.text(.badRequest, "Bad request")) }
        if path == LiveReload.path { return reloadSocket(for: request) }
        return .response(respond(to: path))
    }

    private func reloadSocket(for request: HTTPRequest) -> HTTPServer.Answer {
        if let origin = request.header("origin"), !hosts.allows(origin: origin) {
            return .response(.text(.forbidden, "Reload sockets are open only to this preview's own pages."))
        }
        guard let handshake = WebSocket.handshake(for: request) else {
            return .response(.text(.upgradeRequired, "This address is a WebSocket.", headers: [("Upgrade", "websocket")]))
        }
        let reloads = self.reloads
        return .webSocket(handshake) { reloads.serve($0) }
    }

    private func respond(to path: String) -> HTTPResponse {
        let builds = state.builds
        var found = look(up: path)
        if found.isMissing, state.mayHaveSwapped(since: builds) {
            // Asked while a build swapped the output folder: ask again once the new one is whole.
            state.waitForBuilds()
            found = look(up: path)
        }
        if let failure = state.failure, found.resolution.isPage {
            return HTTPResponse(.internalServerError, type: "text/html; charset=utf-8",
                                body: Data(LiveReload.inject(into: ErrorPage.html(failure)).utf8))
        }
        switch found.resolution {
        case .file(let file):
            if let data = found.data { return page(file, data, status: .ok) }
        case .redirect(let location):
            return .text(.movedPermanently, "Moved to \(location)", headers: [("Location", location)])
        case .badRequest:
            return .text(.badRequest, "Bad request")
        case .notFound:
            break
        }
        if let data = FileManager.default.contents(atPath: state.output.appendingPathComponent("404.html").path) {
            return page("404.html", data, status: .notFound)
        }
        return .text(.notFound, "Not found")
    }

    /// What a path resolves to in the output folder, with the file's bytes when it is one.
    private func look(up path: String) -> (resolution: StaticFiles.Resolution, data: Data?, isMissing: Bool) {
        let output = state.output
        let resolution = StaticFiles.resolve(path, prefix: state.root) { StaticFiles.entry($0, in: output) }
        switch resolution {
        case .file(let file):
            let data = FileManager.default.contents(atPath: output.appendingPathComponent(file).path)
            return (resolution, data, data == nil)
        case .notFound:
            return (resolution, nil, true)
        case .redirect, .badRequest:
            return (resolution, nil, false)
        }
    }

    private func page(_ file: String, _ data: Data, status: HTTPStatus) -> HTTPResponse {
        let type = StaticFiles.contentType(of: file)
        guard type.hasPrefix("text/html") else { return HTTPResponse(status, type: type, body: data) }
        return HTTPResponse(status, type: type, body: Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self)).utf8))
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
