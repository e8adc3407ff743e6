import Foundation

extension SiteChecker {
    /// Links that lead nowhere, `#anchors` that name nothing, and files loaded from other websites.
    func checkLinks(_ page: ScannedPage, ids: [String: Set<String>], into diagnostics: inout Diagnostics) {
        for reference in page.references {
            guard let problem = problem(with: reference, on: page, ids: ids) else { continue }
            for location in finder.origins(of: reference.url, on: page.page) {
                diagnostics.append(Diagnostic(problem.severity, problem.message, at: location, hint: problem.hint))
            }
        }
    }

    private func problem(with reference: URLReference, on page: ScannedPage, ids: [String: Set<String>]) -> Diagnostic? {
        let url = reference.url
        let lower = url.lowercased()
        if LinkResolver.hasScheme(url), !lower.hasPrefix("http://"), !lower.hasPrefix("https://") { return nil }
        if lower.hasPrefix("#") {
            let fragment = String(url.dropFirst())
            if !fragment.isEmpty, fragment != "top", !page.ids.contains(Self.decoded(fragment)) {
                return .error("the link `\(url)` names `#\(fragment)`, which is not on this page", at: nil)
            }
            return nil
        }
        var target = url
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            let absolute = lower.hasPrefix("//") ? "https:" + url : url
            let base = Self.decoded(config.baseURL.absolute)
            let decodedAbsolute = Self.decoded(absolute)
            if decodedAbsolute.lowercased().hasPrefix(base.lowercased()) {
                target = config.baseURL.root + String(decodedAbsolute.dropFirst(base.count))
            } else {
                guard reference.isResource else { return nil }
                let host = URLComponents(string: absolute)?.host?.lowercased() ?? absolute
                if config.allowedHosts.contains(host) { return nil }
                return .error("this page loads `\(url)` from \(host), another website, which sees every visitor", at: nil,
                              hint: "copy the file into content/media/ or templates/assets/ and link to it there "
                                  + "(or, for a privacy-friendly analytics host, list it in site.yml `check: {allow_hosts: [\(host)]}`)")
            }
        }
        return missingTarget(target, written: url, from: page.path, ids: ids)
    }

    /// A link or file reference inside the site: the file it names must exist, and its `#fragment` be an id there.
    func missingTarget(_ target: String, written url: String, from path: String, ids: [String: Set<String>]) -> Diagnostic? {
        var address = target
        var fragment: String?
        if let hash = address.firstIndex(of: "#") {
            fragment = String(address[address.index(after: hash)...])
            address = String(address[..<hash])
        }
        if let query = address.firstIndex(of: "?") { address = String(address[..<query]) }
        let decoded = Self.decoded(address)
        let root = Self.decoded(config.baseURL.root)
        let outputPath: String
        if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(root) || decoded + "/" == root else {
                return .error("the link `\(url)` leaves the site's address \(config.baseURL.absolute)", at: nil,
                              hint: "links in templates start with {{site.root}} or use the URLs templates receive")
            }
            outputPath = String(decoded.dropFirst(min(decoded.count, root.count)))
        } else {
            let base = (path as NSString).deletingLastPathComponent
            outputPath = LinkResolver.normalize((base.isEmpty ? [] : base.split(separator: "/").map(String.init))
                + decoded.split(separator: "/").map(String.init))?.joined(separator: "/").appending(decoded.hasSuffix("/") ? "/" : "") ?? decoded
        }
        let file = outputPath.isEmpty || outputPath.hasSuffix("/") ? outputPath + "index.html" : outputPath
        let found = outputs.contains(file) ? file : (outputs.contains(file + "/index.html") ? file + "/index.html" : nil)
        guard let found else {
            return .error("the link `\(url)` leads to a page or file that does not exist", at: nil)
        }
        if let fragment, !fragment.isEmpty, fragment != "top", let targetIDs = ids[found],
           !targetIDs.contains(Self.decoded(fragment)) {
            return .error("the link `\(url)` names `#\(fragment)`, which is not on that page", at: nil)
        }
        return nil
    }

    /// A URL with its percent-encoding undone, so `/my%20site/` and `/my site/`, `/caf%C3%A9/` and
    /// `/café/` compare equal.
    static func decoded(_ url: String) -> String {
        guard url.utf8.contains(UInt8(ascii: "%")) else { return url }  // most URLs; Foundation's decoding is slow
        return url.removingPercentEncoding ?? url
    }

    /// A theme stylesheet: files it loads from other websites, and files of the site it names that do not exist.
    func checkStylesheet(_ css: String, file: String, into diagnostics: inout Diagnostics) {
        let outputPath = String(file.dropFirst(finder.templateRoot.count))
        for reference in CSSTokenizer.references(in: css) {
            let url = reference.url
            let lower = url.lowercased()
            let location = SourceLocation(path: file, line: reference.line, column: reference.column)
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
                let host = URLComponents(string: lower.hasPrefix("//") ? "https:" + url : url)?.host?.lowercased() ?? url
                guard !config.allowedHosts.contains(host) else { continue }
                diagnostics.error("this stylesheet loads `\(url)` from \(host), another website, which sees every visitor", at: location,
                                  hint: "copy the file (a font or image) into templates/assets/ and link to it there")
            } else if !LinkResolver.hasScheme(url), !url.isEmpty, !url.hasPrefix("#"),
                      let problem = missingTarget(url, written: url, from: outputPath, ids: [:]) {
                diagnostics.append(Diagnostic(problem.severity, problem.message, at: location, hint: problem.hint))
            }
        }
    }
}
