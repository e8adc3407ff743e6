import Foundation
import PackagePlugin

/// Compiles the repository's `templates/` folder into the Callsheet library, so that a `build-site`
/// binary copied anywhere carries its built-in theme. The tool embeds every file in the folder (hidden
/// files aside), whatever its name, so `templates/` stays the one source of the theme.
///
/// The inputs are every file and folder of `templates/` when SwiftPM plans the build: an edit reruns the
/// command, and so does a file added (its folder changes), since the tool lists the folder itself.
/// SwiftPM plans anew only when the package's sources change, so after deleting a template, run
/// `touch Package.swift` once, or the build stops with "missing inputs".
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTheme+Files.swift")
        return [.buildCommand(
            displayName: "Embedding the built-in theme from templates/",
            executable: try context.tool(named: "embed-theme").url,
            arguments: [theme.path, output.path],
            inputFiles: [theme] + Self.entries(in: theme),
            outputFiles: [output])]
    }

    /// Every file and folder under `folder` (names starting with `.` aside).
    static func entries(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.flatMap { name -> [URL] in
            let entry = folder.appending(path: name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: entry.path, isDirectory: &isFolder)
            return [entry] + (isFolder.boolValue ? entries(in: entry) : [])
        }
    }
}
