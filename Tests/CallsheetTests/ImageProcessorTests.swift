import Foundation
import Testing
@testable import Callsheet

/// Processed images as a visitor's browser (and anyone who downloads them) would see them, read back
/// by exiftool and Pillow rather than by libvips.
@Suite struct ImageProcessorTests {
    let processor = ImageProcessor(settings: ImageSettings())

    /// Writes `files` into a temporary folder and returns their URLs.
    func written(_ files: [String: [UInt8]]) throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-images-\(UUID().uuidString)")
        return try files.map { path, bytes in
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return url
        }
    }

    /// Tags that give away where, with what, or by whom a picture was made.
    static func revealing(_ tags: [String]) -> [String] {
        let groups = ["IFD0:", "IFD1:", "ExifIFD:", "GPS:", "XMP", "IPTC:", "ICC", "MakerNotes"]
        let words = ["GPS", "Make", "Model", "Orientation", "Author", "Comment", "Serial"]
        return tags.filter { tag in groups.contains { tag.hasPrefix($0) } || words.contains { tag.contains($0) } }
    }

    @Test func aPhoneJPEGIsPublishedUprightWithoutGPSOrCamera() throws {
        guard IndependentReader.ready() else { return }
        let jpeg = TestImages.phoneJPEG(width: 1000, height: 600)
        if let tags = IndependentReader.metadataTags(of: try written(["in.jpg": jpeg])[0]) {
            #expect(tags.contains("GPS:GPSLatitude") && tags.contains("IFD0:Model"), "the test photo carries GPS and camera tags")
        }
        let made = try processor.picture(jpeg, source: "media/me.jpg", tag: "abcd1234").get()
        let info = try #require(made.info)
        #expect((info.width, info.height) == (600, 1000))
        #expect(info.variants.map(\.path) == ["media/me-480.abcd1234.jpg", "media/me-480.abcd1234.webp",
                                              "media/me-600.abcd1234.jpg", "media/me-600.abcd1234.webp"])
        #expect(info.variants.map(\.height) == [800, 800, 1000, 1000])
        #expect(Set(made.files.keys) == Set(info.variants.map(\.path) + ["media/me.jpg"]))
        for url in try written(made.files) {
            let tags = try #require(IndependentReader.metadataTags(of: url), "exiftool reads \(url.lastPathComponent)")
            #expect(Self.revealing(tags).isEmpty, "\(url.lastPathComponent): \(Self.revealing(tags))")
            // Red was on top as stored; orientation 6 turns it a quarter clockwise, to the right.
            if let pixels = IndependentReader.sizeAndRightEdge(of: url) {
                #expect(pixels.height > pixels.width, "\(url.lastPathComponent) is upright")
                #expect(pixels.rgb[0] > 150 && pixels.rgb[2] < 100, "\(url.lastPathComponent): red on the right, got \(pixels.rgb)")
            }
        }
    }

    @Test func aPNGLosesItsTextChunks() throws {
        guard IndependentReader.ready() else { return }
        let png = TestImages.taggedPNG(width: 300, height: 200)
        if let tags = IndependentReader.metadataTags(of: try written(["in.png": png])[0]) {
            #expect(tags.contains("PNG:Author"), "the test PNG carries text chunks")
        }
        let made = try processor.picture(png, source: "media/chart.png", tag: "0000ffff").get()
        #expect(made.info?.variants.map(\.path) == ["media/chart-300.0000ffff.png", "media/chart-300.0000ffff.webp"])
        for url in try written(made.files) {
            let tags = try #require(IndependentReader.metadataTags(of: url))
            #expect(Self.revealing(tags).isEmpty, "\(url.lastPathComponent): \(Self.revealing(tags))")
        }
    }

    @Test func widthsAreNeverWiderThanThePictureOrRepeated() {
        let settings = ImageSettings()
        #expect(settings.widths(for: 4000) == [480, 800, 1200, 1600])
        #expect(settings.widths(for: 1600) == [480, 800, 1200, 1600])
        #expect(settings.widths(for: 1000) == [480, 800, 1000])
        #expect(settings.widths(for: 300) == [300])
    }

    @Test func sameBytesInSameBytesOut() throws {
        let jpeg = TestImages.phoneJPEG(width: 900, height: 500)
        let first = try processor.picture(jpeg, source: "media/a.jpg", tag: "t").get().files
        let second = try processor.picture(jpeg, source: "media/a.jpg", tag: "t").get().files
        #expect(first == second)
    }

    @Test func linkPreviewIsCutTo1200x630OrTheLargestBoxOfThatShape() throws {
        let big = try processor.social(TestImages.phoneJPEG(width: 2400, height: 1600), source: "media/p.jpg", tag: "t").get()
        #expect(big.social == SocialImage(path: "media/p-1200x630.t.jpg", width: 1200, height: 630, format: .jpeg))
        let small = try processor.social(TestImages.phoneJPEG(width: 500, height: 800), source: "media/q.jpg", tag: "t").get()
        #expect(small.social.map { [$0.width, $0.height] } == [800, 420])
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="48" height="60"><rect width="48" height="60" fill="#fc0"/></svg>"##
        let vector = try processor.social(Array(svg.utf8), source: "media/s.svg", tag: "t").get()
        #expect(vector.social?.format == .jpeg && vector.social?.width == 1200)
    }

    @Test func iconsAreMadeAtEverySizeAndATinyIconIsRefused() throws {
        let files = try processor.icons(TestImages.taggedPNG(width: 512, height: 512)).get()
        #expect(files.keys.sorted() == ["apple-touch-icon.png", "favicon.ico", "icon-192.png", "icon-512.png"])
        let touch = try #require(VipsImage.file(files["apple-touch-icon.png"]!)?.header())
        #expect((touch.width, touch.height, touch.hasAlpha) == (180, 180, false))
        #expect(files["favicon.ico"]!.starts(with: [0, 0, 1, 0, 2, 0]))
        guard case .failure(.tooSmall(width: 120, height: 120, _)) = processor.icons(TestImages.taggedPNG(width: 120, height: 120)) else {
            Issue.record("a 120 px icon is refused")
            return
        }
    }

    @Test func aFileThatIsNotAnImageIsUnreadable() {
        #expect(throws: ImageProblem.unreadable) {
            try processor.picture(Array("not a picture".utf8), source: "media/x.jpg", tag: "t").get()
        }
    }
}
