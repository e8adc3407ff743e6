#if os(Linux)
import Foundation
import Testing
@testable import CallsheetServer

/// The preview's watcher on real folders, as editors and scripts change them.
@Suite(.timeLimit(.minutes(1))) struct FileWatcherTests {
    /// Collects what the watcher reports.
    actor Heard {
        var changes: [FileChange] = []
        func add(_ change: FileChange) { changes.append(change) }
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("content/pages"), withIntermediateDirectories: true)
        return url
    }

    /// A new folder holding `content/`, watched: what the watcher reports goes to `heard` until `listener` is cancelled.
    static func watching() async throws -> (root: URL, content: URL, heard: Heard, listener: Task<Void, Never>) {
        let root = try folder()
        let content = root.appendingPathComponent("content")
        let stream = try InotifyWatcher().changes(in: [content.path])
        let heard = Heard()
        let listener = Task { for await change in stream { await heard.add(change) } }
        try? await Task.sleep(nanoseconds: 100_000_000)
        return (root, content, heard, listener)
    }

    /// Waits until `heard` holds a change satisfying `wanted`, for at most `seconds`.
    static func wait(_ heard: Heard, seconds: Double = 5, for wanted: @escaping (FileChange) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await heard.changes.contains(where: wanted) { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return false
    }

    /// A content folder replaced by a copy moved into its place (as a sync tool or `git checkout` of a folder
    /// does) left the watcher on the old one: no later edit was seen until `serve` restarted.
    @Test func aFolderReplacedByAnotherIsWatchedAgain() async throws {
        let (root, content, heard, listener) = try await Self.watching()
        defer { listener.cancel(); try? FileManager.default.removeItem(at: root) }

        let copy = root.appendingPathComponent("content.new")
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: content, to: root.appendingPathComponent("content.old"))
        try FileManager.default.moveItem(at: copy, to: content)
        #expect(await Self.wait(heard) { if case .overflow = $0 { return true } else { return false } })
        try Data("---\ntitle: A\n---\n".utf8).write(to: content.appendingPathComponent("pages/a.md"))
        #expect(await Self.wait(heard) { $0 == .changed(content.path + "/pages/a.md") })
    }

    /// Files beside the watched folder are not changes of the site.
    @Test func aFileBesideTheFolderIsNoChange() async throws {
        let (root, content, heard, listener) = try await Self.watching()
        defer { listener.cancel(); try? FileManager.default.removeItem(at: root) }
        try Data("notes".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try Data("---\ntitle: B\n---\n".utf8).write(to: content.appendingPathComponent("b.md"))
        #expect(await Self.wait(heard) { $0 == .changed(content.path + "/b.md") })
        #expect(await heard.changes.allSatisfy { change in
            if case .changed(let path) = change { return path.hasPrefix(content.path) } else { return false }
        })
    }
}
#endif
