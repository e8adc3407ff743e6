import ArgumentParser
import Callsheet
import Foundation

/// `build-site new theme`: the built-in theme written out, to change.
struct NewTheme: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "Copy the built-in theme into templates/ to change it.",
        discussion: """
        Keep only the files you change: a file missing from the templates folder comes from the built-in theme.
        Example: build-site new theme
        """)

    @Option(name: .long, help: ArgumentHelp("The folder to write the theme into.", valueName: "dir"))
    var templates = "templates"

    func run() throws {
        let files = BuiltInTheme.files.sorted { $0.key < $1.key }.map { (path: $0.key, data: $0.value) }
        Scaffolding.write(files, into: templates)
        Console.say("Wrote the built-in theme's \(files.count) files to \(templates)/.")
        Console.say("Change what you like and delete the rest: a file that is not there comes from the built-in theme.")
    }
}
