/// How images are processed. Part of every cache key, so a change here reprocesses what it affects.
struct ImageSettings: Sendable, Hashable {
    /// The widths made of each picture, no wider than the picture itself. 480 fills a phone at 1x and an
    /// inline picture; 800 a phone at 2x (a column about 400 px wide); 1200 a phone at 3x or a laptop
    /// column; 1600 the widest column of the theme (72rem) on a 2x screen well enough. Wider files cost
    /// bytes no reader sees at these sizes, so a picture is never published wider than 1600 on a page.
    var widths = [480, 800, 1200, 1600]
    /// JPEG quality: 80 keeps photos free of visible artefacts at about a third of quality 95's bytes.
    var jpegQuality = 80
    /// WebP quality 75 gives about the look of JPEG 80 in some 30% fewer bytes.
    var webpQuality = 75
    /// The quality of the full-size copy published at the file's own address (downloads, press kits).
    var originalQuality = 90
    /// The link-preview size the big platforms ask for.
    var socialWidth = 1200
    var socialHeight = 630
    /// The smallest an icon may be: the apple-touch-icon is 180 px.
    var smallestIcon = 180
    /// Bump when the processing itself changes (libvips calls, file names), so old cache entries go.
    var revision = 2

    /// A short text naming these settings, mixed into cache keys.
    var fingerprint: String {
        "r\(revision) w\(widths.map(String.init).joined(separator: ",")) q\(jpegQuality)/\(webpQuality)/\(originalQuality) s\(socialWidth)x\(socialHeight)"
    }

    /// The widths made of a picture `width` px wide: those narrower than it, and its own width when it
    /// is narrower than the widest.
    func widths(for width: Int) -> [Int] {
        guard let widest = widths.last else { return [width] }
        let largest = min(width, widest)
        return widths.filter { $0 < largest } + [largest]
    }
}
