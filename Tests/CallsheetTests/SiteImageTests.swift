import Foundation
import Testing
@testable import Callsheet

extension TestSite {
    func write(bytes: [UInt8], to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}

/// Whole sites with pictures, checked as a visitor, a link-preview crawler and a privacy-minded
/// coordinator would: what the pages say, and what the published files hold.
@Suite struct SiteImageTests {
    static let siteYML = TestSite.minimalSiteYML + "\nicon: media/icon.png\nsocial_image: media/share.jpg\n"

    /// A site whose bio photo comes from a phone (EXIF orientation 6, GPS, camera), with a PNG carrying
    /// text chunks in the bio's Markdown, an icon, a social image, an unused photo and a PDF.
    static func photoSite() throws -> TestSite {
        let site = try TestSite([
            "site.yml": siteYML,
            "about.md": "---\ntitle: About\nphoto: media/me.jpg\nphoto_alt: Sam on set\n---\nSome words.\n\n![A chart of rehearsal hours](media/chart.png)\n",
            "faq.md": "---\ntitle: FAQ\n---\n## What is this?\n\nA test.\n",
        ])
        try site.write(bytes: TestImages.phoneJPEG(width: 1000, height: 600), to: "content/media/me.jpg")
        try site.write(bytes: TestImages.taggedPNG(width: 700, height: 400), to: "content/media/chart.png")
        try site.write(bytes: TestImages.taggedPNG(width: 512, height: 512), to: "content/media/icon.png")
        try site.write(bytes: TestImages.phoneJPEG(width: 1600, height: 2400), to: "content/media/share.jpg")
        try site.write(bytes: TestImages.phoneJPEG(width: 300, height: 200), to: "content/media/unused.jpg")
        try site.write(bytes: Array("%PDF-1.7 a CV".utf8), to: "content/media/cv.pdf")
        return site
    }

    @Test func noPublishedFileGivesAwayPlaceCameraOrTextAndPhotosAreUpright() throws {
        guard IndependentReader.ready() else { return }
        let site = try Self.photoSite()
        try site.buildOK()
        let output = site.root.appendingPathComponent("public")
        let rasters = site.tree().keys.filter { ImageFormat.isRaster(name: $0) || $0.hasSuffix(".ico") }.sorted()
        #expect(rasters.contains("media/unused.jpg") && rasters.contains("media/me.jpg") && rasters.contains("apple-touch-icon.png"))
        for path in rasters {
            let url = output.appendingPathComponent(path)
            let tags = try #require(IndependentReader.metadataTags(of: url), "exiftool reads \(path)")
            #expect(ImageProcessorTests.revealing(tags).isEmpty, "\(path): \(ImageProcessorTests.revealing(tags))")
            // The photo and its variants (not its link preview, which is cut landscape).
            if path.hasPrefix("media/me"), !path.contains("x"), let pixels = IndependentReader.sizeAndRightEdge(of: url) {
                #expect(pixels.height > pixels.width && pixels.rgb[0] > 150, "\(path) is upright, red on the right")
            }
        }
        #expect(site.tree()["media/cv.pdf"] == Data("%PDF-1.7 a CV".utf8))
        // The unused photo is published stripped, without variants.
        #expect(!site.tree().keys.contains { $0.hasPrefix("media/unused-") })
    }

    @Test func pagesGetPicturesWithSrcsetRealSizesAndLazyLoadingAfterTheFirst() throws {
        let site = try Self.photoSite()
        try site.buildOK()
        let about = try #require(site.read("about/index.html"))
        let pictures = about.components(separatedBy: "<picture>").dropFirst()
        #expect(pictures.count == 2)
        let photo = try #require(pictures.first), chart = try #require(pictures.last)
        #expect(photo.contains("<source type=\"image/webp\" srcset=\"/media/me-480."))
        #expect(photo.contains("width=\"600\" height=\"1000\"") && photo.contains("class=\"photo\""))
        #expect(!photo.contains("loading=\"lazy\""), "the first image loads at once")
        #expect(chart.contains("alt=\"A chart of rehearsal hours\" width=\"700\" height=\"400\" loading=\"lazy\" decoding=\"async\""))
        #expect(chart.contains("sizes=\"(min-width: 44rem) 40rem, 100vw\""))
        for match in about.quotedValues(after: "srcset=\"") {
            for candidate in match.components(separatedBy: ", ") {
                let path = String(candidate.split(separator: " ")[0].dropFirst())
                #expect(site.tree()[path] != nil, "\(path) is published")
            }
        }
    }

    @Test func everyPageHasALinkPreviewOfTheStatedSizeAndTheIconsExist() throws {
        let site = try Self.photoSite()
        try site.buildOK()
        let output = site.root.appendingPathComponent("public")
        for path in ["index.html", "about/index.html", "faq/index.html"] {
            let html = try #require(site.read(path))
            let image = try #require(html.quotedValues(after: "<meta property=\"og:image\" content=\"").first, "\(path) has og:image")
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
            let file = String(image.dropFirst("https://example.com/".count))
            #expect(file.hasSuffix(".jpg"))
            let header = try #require(VipsImage.file([UInt8](site.tree()[file] ?? Data()))?.header(), "\(file) exists")
            #expect(html.contains("og:image:width\" content=\"\(header.width)\"") && html.contains("og:image:height\" content=\"\(header.height)\""))
            #expect(header.width * 630 == header.height * 1200, "\(file) has the shape of a link preview")
        }
        // The share image is large enough for the full size; the bio photo (600 px wide) gives the largest it holds.
        #expect(try #require(site.read("faq/index.html")).contains("og:image:width\" content=\"1200\""))
        #expect(try #require(site.read("about/index.html")).contains("og:image:width\" content=\"600\""))
        #expect(try #require(site.read("about/index.html")).contains("og:image:alt\" content=\"Sam on set\""))
        for (file, size) in [("apple-touch-icon.png", 180), ("icon-192.png", 192), ("icon-512.png", 512)] {
            let header = try #require(VipsImage.file([UInt8](site.tree()[file] ?? Data()))?.header(), "\(file) exists")
            #expect((header.width, header.height) == (size, size))
        }
        let manifest = try #require(site.tree()["site.webmanifest"])
        let json = try #require(try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        let icons = try #require(json["icons"] as? [[String: String]])
        #expect(icons.map { $0["sizes"] } == ["192x192", "512x512"])
        #expect(try #require(site.read("index.html")).contains("<link rel=\"manifest\" href=\"/site.webmanifest\">"))
        if IndependentReader.ready() { #expect(IndependentReader.metadataTags(of: output.appendingPathComponent("favicon.ico")) != nil) }
    }

    @Test func rebuildsAreByteIdenticalWithOrWithoutTheCache() throws {
        let site = try Self.photoSite()
        try site.buildOK()
        let first = site.tree()
        try site.buildOK()
        #expect(site.tree() == first)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".public.callsheet-cache"))
        try site.buildOK()
        #expect(site.tree() == first)
    }

    /// A photo renamed (say, to take a street name out of it) is published under its new name only, used or
    /// not, with a warm cache as with none; and the same bytes under two names are both published.
    @Test func aRenamedPhotoIsPublishedUnderItsNewNameOnly() throws {
        let site = try Self.photoSite()
        try site.buildOK()
        let media = site.root.appendingPathComponent("content/media")
        try FileManager.default.moveItem(at: media.appendingPathComponent("me.jpg"), to: media.appendingPathComponent("sam.jpg"))
        try FileManager.default.moveItem(at: media.appendingPathComponent("unused.jpg"), to: media.appendingPathComponent("spare.jpg"))
        try FileManager.default.copyItem(at: media.appendingPathComponent("chart.png"), to: media.appendingPathComponent("chart-copy.png"))
        let about = try #require(try? String(contentsOf: site.root.appendingPathComponent("content/about.md"), encoding: .utf8))
        try site.write(about.replacingOccurrences(of: "media/me.jpg", with: "media/sam.jpg")
                       + "\n![The same chart](media/chart-copy.png)\n", to: "content/about.md")
        try site.buildOK()
        let warm = site.tree()
        let published = warm.keys.filter { $0.hasPrefix("media/") }
        #expect(!published.contains { $0.hasPrefix("media/me") || $0.hasPrefix("media/unused") }, "\(published.sorted())")
        #expect(published.contains("media/sam.jpg") && published.contains("media/spare.jpg") && published.contains("media/chart-copy.png"))
        #expect(try #require(site.read("about/index.html")).contains("/media/sam-"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".public.callsheet-cache"))
        try site.buildOK()
        #expect(site.tree() == warm)
    }

    /// static/ publishes files as they are: a phone's photo there would say where it was taken. Such photos are
    /// refused; a picture without that data is copied.
    @Test func aPhotoInStaticThatSaysWhereItWasTakenIsRefused() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try site.write(bytes: TestImages.phoneJPEG(width: 300, height: 200), to: "content/static/IMG_0001.JPG")
        try site.write(bytes: TestImages.taggedPNG(width: 64, height: 64), to: "content/static/badge.png")
        try site.write(bytes: TestImages.noiseJPEG(width: 32, height: 32), to: "content/static/plain.jpg")
        let errors = site.errors()
        #expect(errors.map { "\($0.location?.description ?? ""): \($0.message.prefix(30))" } == [
            "content/static/IMG_0001.JPG:1:1: this picture holds EXIF data (",
            "content/static/badge.png:1:1: this picture holds text data (",
        ])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/static/IMG_0001.JPG"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/static/badge.png"))
        try site.buildOK()
        #expect(site.tree()["plain.jpg"] != nil)
    }

    /// A name that leaves no room for what the sizes add to it was called an unreadable image; the longest that
    /// fits is published with all its sizes.
    @Test func aPictureNameTooLongForItsSizesSaysSo() throws {
        let long = String(repeating: "b", count: ImageProblem.longestStem + 1), longest = String(repeating: "c", count: ImageProblem.longestStem)
        let site = try TestSite(["about.md": "---\ntitle: About\n---\nText.\n\n![One](media/\(long).jpg)\n\n![Two](media/\(longest).jpg)\n"])
        defer { site.remove() }
        try site.write(bytes: TestImages.noiseJPEG(width: 1300, height: 700), to: "content/media/\(long).jpg")
        try site.write(bytes: TestImages.noiseJPEG(width: 1300, height: 700), to: "content/media/\(longest).jpg")
        #expect(site.errors().map(\.summary) == ["content/about.md:6:1: `media/\(long).jpg` has a name too long for the sizes the build makes of it"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/media/\(long).jpg"))
        try site.write("---\ntitle: About\nimage: media/\(longest).jpg\nimage_alt: Two\n---\nText.\n\n![Two](media/\(longest).jpg)\n", to: "content/about.md")
        try site.buildOK()
        #expect(site.tree().keys.contains { $0.hasPrefix("media/\(longest)-1200x630.") })
    }

    @Test func aFileThatIsNotAnImageIsAnErrorWhereItIsUsed() throws {
        let site = try TestSite(["about.md": "---\ntitle: About\n---\nText.\n\n![A broken picture](media/broken.jpg)\n"])
        try site.write(bytes: Array("this is not a JPEG".utf8), to: "content/media/broken.jpg")
        #expect(site.errors().map(\.description) == [
            "content/about.md:6:1: error: `media/broken.jpg` is not a readable JPEG, PNG, WebP or SVG image\n  hint: open it in an image editor and export it again as JPEG or PNG",
        ])
    }

    /// An iPhone's HEIC photo and a scanner's TIFF record where they were taken; the build cannot strip
    /// them, so it refuses them wherever they sit, and still copies a GIF and a PDF.
    @Test func aPhotoTheBuildCannotCleanIsRefusedWhereverItSits() throws {
        let site = try TestSite(["about.md": "---\ntitle: About\n---\nMy [CV](media/cv.pdf).\n"])
        defer { site.remove() }
        try site.write(bytes: [0, 0, 0, 0x18] + Array("ftypheicmif1heic GPSLatitude 48.85".utf8), to: "content/media/IMG_0412.HEIC")
        try site.write(bytes: Array("II*\u{0}GPSLatitude 48.85".utf8), to: "content/static/scans/set-plan.tif")
        try site.write(bytes: Array("%PDF-1.4 a CV".utf8), to: "content/media/cv.pdf")
        try site.write(bytes: Array("GIF89a".utf8), to: "content/media/wave.gif")
        let errors = site.errors()
        #expect(errors.map { $0.location?.description } == ["content/media/IMG_0412.HEIC:1:1", "content/static/scans/set-plan.tif:1:1"])
        #expect(errors.allSatisfy { $0.message.contains("where and with what camera it was taken") && $0.hint?.contains("JPEG") == true })
        for path in ["content/media/IMG_0412.HEIC", "content/static/scans/set-plan.tif"] {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
        try site.buildOK()
        #expect(site.read("media/cv.pdf") == "%PDF-1.4 a CV")
        #expect(site.read("media/wave.gif") == "GIF89a")
    }

    @Test func aTinyIconIsAnErrorAtItsLine() throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nicon: media/icon.png\n"])
        try site.write(bytes: TestImages.taggedPNG(width: 120, height: 120), to: "content/media/icon.png")
        let errors = site.errors()
        #expect(errors.map { $0.location?.description } == ["content/site.yml:7:7"])
        #expect(errors.first?.message == "the icon `media/icon.png` is 120 x 120 px, too small: it must be at least 180 x 180 px (512 x 512 is best)")
    }

    @Test func withoutAnIconTheTabShowsAMonogramOfTheOwner() throws {
        let site = try TestSite([:])
        try site.buildOK()
        #expect(try #require(site.read("index.html")).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"))
        #expect(try #require(site.read("favicon.svg")).contains(">ST</text>"))
        #expect(site.read("site.webmanifest") == nil)
    }

    @Test func checkWeighsImagesAsAPhoneLoadsThem() throws {
        let site = try TestSite(["about.md": "---\ntitle: About\n---\n![Static on an old television](media/noise.jpg)\n"])
        try site.write(bytes: TestImages.noiseJPEG(width: 1600, height: 1200), to: "content/media/noise.jpg")
        let report = try SiteBuilder(options: site.options()).render()
        let warnings = SiteChecker(report: report).check().map(\.message)
        #expect(warnings.contains { $0.hasPrefix("`media/noise.jpg` weighs ") && $0.hasSuffix("KB as a phone loads it, more than 200 KB") },
                "\(warnings)")
    }
}
