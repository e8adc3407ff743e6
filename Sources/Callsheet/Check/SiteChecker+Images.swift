import Foundation

extension SiteChecker {
    /// The most one processed image may weigh, as a phone loads it, before `check` warns.
    static let imageLimitKB = 200
    /// What a page's images may add to its budget (`page_budget_kb` counts HTML and CSS).
    static let imageAllowanceKB = 500

    /// Weighs the images of a page as a phone fetches them (the WebP variant a screen about 1080 pixels
    /// across picks): warns about one over 200 KB, and about a page whose HTML, CSS and images together
    /// pass its budget plus 500 KB.
    func checkImages(weighing scanned: ScannedPage, into diagnostics: inout Diagnostics) {
        let page = scanned.page
        let config = report.content.config
        let root = config.baseURL.root
        var imageBytes = 0
        var seen = Set<String>()
        for element in scanned.elements where element.name == "img" {
            guard let src = element["src"], src.hasPrefix(root) else { continue }
            let path = Self.decoded(String(src.dropFirst(root.count)))
            guard let info = report.images.info(showing: path), seen.insert(info.source).inserted else { continue }
            let candidate = info.phoneCandidate()?.path ?? info.source
            guard let size = fileSize(of: candidate) else { continue }
            imageBytes += size
            if size > Self.imageLimitKB * 1024 {
                diagnostics.warning("`\(info.source)` weighs \(size / 1024) KB as a phone loads it, more than \(Self.imageLimitKB) KB",
                                    at: finder.location(of: page),
                                    hint: "crop it closer, or choose a calmer picture: fine detail and noise cost bytes")
            }
        }
        guard imageBytes > 0 else { return }
        let total = scanned.html.utf8.count + imageBytes
        let budget = (config.pageBudgetKB + Self.imageAllowanceKB) * 1024
        if total > budget {
            diagnostics.warning("with its images, this page weighs \(total / 1024) KB on a phone, more than \(budget / 1024) KB",
                                at: finder.location(of: page),
                                hint: "use fewer or smaller pictures on this page")
        }
    }

    private func fileSize(of path: String) -> Int? {
        guard let file = report.site.copies[path] else { return nil }
        return (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
    }
}
