import ArgumentParser
import Foundation

// Parsing by hand so that every failure, bad flags included, exits with status 1.
if let mistake = MistypedCommand.message(for: Array(CommandLine.arguments.dropFirst())) {
    FileHandle.standardError.write(Data("error: \(mistake)\n".utf8))
    exit(1)
}
do {
    var command = try BuildSite.parseAsRoot()
    if let serve = command as? Serve {
        try await serve.serve()
    } else {
        try command.run()
    }
} catch {
    let code = BuildSite.exitCode(for: error)
    let message = BuildSite.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { Console.say(message) }
        exit(0)
    }
    if !message.isEmpty {
        let text = message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : "error: " + message
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
    exit(1)
}
