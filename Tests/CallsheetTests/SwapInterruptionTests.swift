import Foundation
import Testing

/// A build killed at any step of putting the new site in place leaves a whole site: strace kills the
/// real `build-site` at the Nth rename or removal, for every N until a build gets through.
@Suite(.serialized) struct SwapInterruptionTests {
    /// The calls that change folders: the swap itself and the removals before it.
    static let steps = "rename,renameat,renameat2,unlink,unlinkat,rmdir"

    /// Why the test cannot run here, or nil.
    static var unavailable: String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else { return "strace is not installed" }
        guard let probe = try? strace(["/bin/true"], in: FileManager.default.temporaryDirectory), probe.status == 0 else {
            return "strace cannot trace here (ptrace is not permitted)"
        }
        return nil
    }

    @Test func aKillAtEveryStepOfTheSwapLeavesAWholeSite() throws {
        if let reason = Self.unavailable {
            print("skipped aKillAtEveryStepOfTheSwapLeavesAWholeSite: \(reason)")
            return
        }
        let steps = try Self.killAtEveryStep(extra: [])
        #expect(steps >= 1)
    }

    @Test func whereTheDiskCannotSwapAKilledSwapIsUndoneByTheNextRun() throws {
        if let reason = Self.unavailable {
            print("skipped whereTheDiskCannotSwapAKilledSwapIsUndoneByTheNextRun: \(reason)")
            return
        }
        // Every exchange answers EINVAL, as on file systems without RENAME_EXCHANGE: the plain renames are used.
        let steps = try Self.killAtEveryStep(extra: ["-e", "inject=renameat2:error=EINVAL"], calls: "rename,renameat,unlink,unlinkat,rmdir",
                                             alwaysWhole: false)
        #expect(steps >= 3)
    }

    /// Kills builds at step 1, 2, ... until one gets through; returns how many steps a build makes.
    static func killAtEveryStep(extra: [String], calls: String = steps, alwaysWhole: Bool = true) throws -> Int {
        let versions = ["First.", "Second."]
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\n\(versions[0])\n", "media/photo.txt": versions[0]])
        defer { site.remove() }
        func use(_ version: Int) throws {
            try site.write("---\ntitle: A\n---\n\(versions[version])\n", to: "content/pages/a.md")
            try site.write(versions[version], to: "content/media/photo.txt")
        }
        var whole: [[String: Data]] = []
        for version in versions.indices {
            try use(version)
            try site.buildOK(output: "expected-\(version)")
            whole.append(site.tree("expected-\(version)"))
        }
        try use(0)
        try site.buildOK()
        try site.buildOK()
        let binary = CommandLineTests.executable.path
        for step in 1...20 {
            let version = step % 2
            try use(version)
            let run = try strace(extra + ["-e", "inject=\(calls):signal=SIGKILL:when=\(step)", binary], in: site.root)
            let tree = site.tree()
            if alwaysWhole || !tree.isEmpty {
                #expect(whole.contains(tree), "killed at step \(step): public/ is not a whole site (\(tree.keys.sorted()))")
            }
            if run.status == 0 {
                #expect(tree == whole[version])
                return step - 1
            }
            #expect(run.status == SIGKILL || run.status == 128 + SIGKILL, "\(run.status) \(run.stderr)")
            // The next run puts everything right.
            let next = try CommandLineTests.run([], in: site.root)
            #expect(next.status == 0, "\(next.stderr)")
            #expect(site.tree() == whole[version], "after a kill at step \(step), the next build is not whole")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }
            #expect(hidden == [".public.callsheet-previous"])
        }
        Issue.record("a build made more than 20 steps")
        return 20
    }

    static func strace(_ arguments: [String], in directory: URL) throws -> CommandLineTests.Run {
        try Tool.run("/usr/bin/strace", ["-f", "-qq", "-o", "/dev/null", "-e", "trace=\(steps)"] + arguments, in: directory)
    }
}
