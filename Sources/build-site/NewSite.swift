import ArgumentParser
import Callsheet
import Foundation

/// `build-site new site DIR`: a starter site that builds and passes `check` as it is.
struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Start a new site in a folder of its own, ready to fill in.",
        discussion: """
        The site builds and passes `check` as it is; `check --strict` lists each `Replace this:` left to write.
        Example: build-site new site my-site
        """)

    @Argument(help: ArgumentHelp("The folder to make; it must be empty or not exist yet.", valueName: "dir"))
    var folder: String

    func run() throws {
        guard Scaffold.isEmptyOrMissing(folder) else {
            Scaffolding.fail("the folder `\(folder)` is not empty; a new site needs a folder of its own",
                             hint: "name a folder that does not exist yet, such as `build-site new site my-site`")
        }
        Scaffolding.write(Scaffold.site().map { ($0.path, Data($0.text.utf8)) }, into: folder)
        Console.say("Created a new site in \(folder)/. Preview it while you fill it in:")
        Console.say("  cd \(Self.shellQuoted(folder))")
        Console.say("  \(Self.shellQuoted(Self.program)) serve")
    }

    /// How to run this program again from another folder: its name when it was found on the PATH, else
    /// its absolute path.
    static var program: String {
        let invoked = CommandLine.arguments.first ?? "build-site"
        guard invoked.contains("/") else { return invoked }
        return URL(fileURLWithPath: invoked).standardizedFileURL.path
    }

    /// `text` as one word for a POSIX shell.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+:@".unicodeScalars.contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
