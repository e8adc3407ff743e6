import Foundation
import Testing
@testable import Callsheet

/// The libvips wrapper, through what it returns as Swift values. Run under AddressSanitizer in CI.
@Suite struct VipsImageTests {
    @Test func headerGivesStoredSizeOrientationAndUprightSize() throws {
        let file = try #require(VipsImage.file(TestImages.phoneJPEG(width: 60, height: 40)))
        let header = try #require(file.header())
        #expect(header == VipsImage.Header(storedWidth: 60, storedHeight: 40, hasAlpha: false, orientation: 6, hasColourProfile: false))
        #expect((header.width, header.height) == (40, 60))
    }

    @Test func thumbnailTurnsUprightShrinksAndNeverEnlarges() throws {
        let file = try #require(VipsImage.file(TestImages.phoneJPEG(width: 600, height: 400)))
        let small = try #require(file.thumbnail(width: 200))
        #expect((small.width, small.height) == (200, 300))
        let same = try #require(file.thumbnail(width: 5000))
        #expect((same.width, same.height) == (400, 600))
        let cut = try #require(file.thumbnail(width: 120, height: 63, crop: .attention))
        #expect((cut.width, cut.height) == (120, 63))
    }

    @Test(arguments: [ImageFormat.jpeg, .png, .webp])
    func encodingIsRepeatableAndReadsBack(_ format: ImageFormat) throws {
        let file = try #require(VipsImage.file(TestImages.taggedPNG(width: 64, height: 48)))
        let image = try #require(file.thumbnail(width: 32)?.materialized())
        let first = try #require(image.encoded(as: format, quality: 80))
        #expect(image.encoded(as: format, quality: 80) == first)
        #expect(ImageFormat.sniff(first) == format)
        let again = try #require(VipsImage.file(first)?.header())
        #expect((again.width, again.height) == (32, 24))
    }

    @Test func notAnImageAndACutShortFileAreRefused() throws {
        #expect(VipsImage.file(Array("%PDF-1.7 not a picture".utf8))?.header() == nil)
        let jpeg = TestImages.phoneJPEG(width: 300, height: 200)
        let cut = Array(jpeg.prefix(jpeg.count / 2))
        let file = try #require(VipsImage.file(cut))
        #expect(file.thumbnail(width: 100)?.encoded(as: .jpeg, quality: 80) == nil)
    }

    @Test func transparencyIsFlattenedOntoAColour() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="10" fill="#000"/></svg>"##
        let file = try #require(VipsImage.file(Array(svg.utf8)))
        let image = try #require(file.thumbnail(width: 40))
        #expect(image.hasAlpha)
        let flat = try #require(image.flattened(onto: 0xFFFFFF))
        #expect(!flat.hasAlpha)
    }
}
