import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
import CSystemShims
@testable import Callsheet

/// The output writer notes what each file it writes holds (a hash, by the file's signature), so a rebuild
/// never reads a page back to see whether it already holds its bytes: on a disk whose cache has let the
/// folder go, reading back every page of a 10,000-page site took most of a rebuild.
@Suite struct ContentHashesTests {
    private func signature(_ path: String) -> FileSignature {
        var status = stat()
        _ = lstat(path, &status)
        return FileSignature(status)
    }

    private func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { callsheet_hash(0, $0.baseAddress, $0.count) }
    }

    @Test func aFileWhoseSignatureIsKnownIsNotReadBack() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let path = site.path("page.html")
        try site.write("<p>on disk</p>", to: "page.html")
        // Say the file holds what is about to be written (same size): it is then taken at its word.
        let hashes = ContentHashes(loading: "")
        hashes.record(hash("<p>written</p>"), for: signature(path))
        #expect(OutputWriter.writeFile(path, "<p>written</p>", display: "page.html", hashes: hashes) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>on disk</p>")
        // Known to hold something else: written, and what it holds now is noted.
        hashes.record(hash("<p>other</p>"), for: signature(path))
        #expect(OutputWriter.writeFile(path, "<p>written</p>", display: "page.html", hashes: hashes) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>written</p>")
        #expect(hashes.hash(of: signature(path)) == hash("<p>written</p>"))
    }

    @Test func theHashesAreKeptFromBuildToBuildAndAFileCutShortIsIgnored() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try site.write("<p>a page</p>", to: "page.html")
        let file = site.path(ContentHashes.fileName), page = signature(site.path("page.html"))
        let hashes = ContentHashes(loading: file)
        hashes.record(42, for: page)
        hashes.save(to: file)
        #expect(ContentHashes(loading: file).hash(of: page) == 42)
        let saved = try Data(contentsOf: URL(fileURLWithPath: file))
        try saved.dropLast(5).write(to: URL(fileURLWithPath: file))
        #expect(ContentHashes(loading: file).hash(of: page) == nil)
        // Whole but damaged: the entry's build number (its last word, before the closing line) is garbage.
        var damaged = saved
        let buildWord = damaged.count - "end\n".utf8.count - 8
        damaged.replaceSubrange(buildWord..<(buildWord + 8), with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        try damaged.write(to: URL(fileURLWithPath: file))
        let reloaded = ContentHashes(loading: file)
        #expect(reloaded.hash(of: page) == nil)
        reloaded.record(7, for: page)
        reloaded.save(to: file)
        #expect(ContentHashes(loading: file).hash(of: page) == 7)
    }

    @Test func aPageChangedByHandBesideTheOutputIsStillWrittenRight() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\nThe page as it should be.\n"])
        defer { site.remove() }
        try site.buildOK()
        try site.buildOK()  // both folders written, and every page's hash known
        // The same number of bytes, changed in place by something other than the build.
        let spare = site.path(".public.callsheet-previous/a/index.html")
        let text = try String(contentsOfFile: spare, encoding: .utf8)
        try text.replacingOccurrences(of: "The page as it should be.", with: "The page as it should NOT.")
            .write(toFile: spare, atomically: false, encoding: .utf8)
        try site.buildOK()
        #expect(site.read("a/index.html")?.contains("The page as it should be.") == true)
        try site.buildOK(output: "fresh")
        #expect(site.tree() == site.tree("fresh"))
    }
}
