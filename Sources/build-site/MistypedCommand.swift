import ArgumentParser
import Callsheet

/// A command name that names no command (`build-site serv`), found before argument-parser reads the
/// line: it would report the word against the default command's options instead.
enum MistypedCommand {
    /// The error to print for `arguments` (without the program name), or `nil` when the commands are fine.
    static func message(for arguments: [String], root: ParsableCommand.Type = BuildSite.self) -> String? {
        var command = root
        var path = [root._commandName]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            // A default command that takes arguments may be given one here; build takes none.
            if let fallback = command.configuration.defaultSubcommand, fallback != Build.self { return nil }
            if word == "help" { return nil }
            let names = subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
            let place = path.count == 1 ? path[0] : "`\(path.joined(separator: " "))`"
            if let near = NearestWord.among(names, to: word) {
                return "`\(word)` is not a \(place) command; did you mean `\(near)`?"
            }
            return "`\(word)` is not a \(place) command; the commands are \(names.joined(separator: ", "))"
        }
        return nil
    }
}
