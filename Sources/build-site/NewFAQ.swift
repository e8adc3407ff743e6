import ArgumentParser
import Callsheet
import Foundation

/// `build-site new faq "Question?"`: a question added to faq.md, in its group.
struct NewFAQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faq", abstract: "Add a question to content/faq.md (made when missing).",
        discussion: "Example: build-site new faq \"Do you travel?\" --group \"Working together\"")

    @Argument(help: "The question.")
    var question: String

    @Option(help: ArgumentHelp("The `#` group to add the question to (made when missing).", valueName: "group"))
    var group: String?

    @OptionGroup var folder: NewContentOptions

    func validate() throws {
        if question.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the question is empty") }
    }

    func run() throws {
        folder.requireFolder()
        let path = folder.content + "/" + folder.translated("faq.md")
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? Scaffold.emptyFAQ
        switch Scaffold.addQuestion(question, group: group, to: existing) {
        case .success(let (text, line)):
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Scaffolding.fail("could not write this file: \(error.localizedDescription)", location: SourceLocation(path: path, line: 0))
            }
            Console.say("Added the question to \(path):\(line)")
        case .failure(.alreadyAsked(let line)):
            Scaffolding.fail("this question is already in the FAQ", location: SourceLocation(path: path, line: line, column: 1))
        case .failure(.emptyQuestion):
            Scaffolding.fail("the question is empty")
        }
    }
}
