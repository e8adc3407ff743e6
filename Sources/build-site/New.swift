import ArgumentParser
import Callsheet
import Foundation

/// `build-site new service|page|faq "Title"`: starts a file with the right front matter.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new service, page or FAQ question with the right front matter.",
        discussion: """
        Examples:
          build-site new service "Consent workshops"
          build-site new page "Credits"
          build-site new faq "Do you work on music videos?" --group "Hiring an intimacy coordinator"
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case service, page, faq
    }

    @Argument(help: "What to create: service, page or faq.")
    var kind: Kind

    @Argument(help: "The title, or for faq the question.")
    var title: String

    @Option(help: "For faq: the `#` group to add the question to (made when missing).")
    var group: String?

    @Option(name: .long, help: "The folder of Markdown content.")
    var content = "content"

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
        if group != nil && kind != .faq { throw ValidationError("--group only applies to `new faq`") }
        if kind != .faq && Slug.anchor(from: title) == "section" && !title.lowercased().contains("section") {
            throw ValidationError("the title needs some letters or digits to make the page's address from")
        }
    }

    func run() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("the folder `\(content)` does not exist", hint: "run this in the site's folder, or name the folder with --content")
        }
        switch kind {
        case .service:
            let orders = ((try? manager.contentsOfDirectory(atPath: content + "/services")) ?? []).compactMap { name -> Int? in
                guard name.hasSuffix(".md"), name != "_index.md",
                      let text = try? String(contentsOfFile: content + "/services/" + name, encoding: .utf8),
                      let yaml = try? FrontMatter.parse(text, path: name).get().yaml,
                      case .scalar(let order, _)? = yaml["order"]?.kind else { return nil }
                return Int(order)
            }
            let (path, text) = Scaffold.service(title: title, order: Scaffold.nextOrder(after: orders))
            create(path, text)
        case .page:
            let (path, text) = Scaffold.page(title: title)
            create(path, text)
        case .faq:
            let path = content + "/faq.md"
            let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? Scaffold.emptyFAQ
            switch Scaffold.addQuestion(title, group: group, to: existing) {
            case .success(let (text, line)):
                write(text, to: path)
                Console.say("Added the question to \(path):\(line)")
            case .failure(.alreadyAsked(let line)):
                fail("this question is already in the FAQ", location: SourceLocation(path: path, line: line, column: 1))
            case .failure(.emptyQuestion):
                fail("the question is empty")
            }
        }
    }

    private func create(_ relative: String, _ text: String) {
        let path = content + "/" + relative
        if FileManager.default.fileExists(atPath: path) {
            fail("this file already exists; it was left as it is", location: SourceLocation(path: path, line: 0),
                 hint: "choose another title, or edit that file")
        }
        write(text, to: path)
        Console.say("Created \(path)")
    }

    private func write(_ text: String, to path: String) {
        do {
            let folder = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            fail("could not write \(path): \(error.localizedDescription)")
        }
    }

    private func fail(_ message: String, location: SourceLocation? = nil, hint: String? = nil) -> Never {
        Console.printDiagnostics([.error(message, at: location, hint: hint)], quiet: false, summary: false)
        Foundation.exit(1)
    }
}
