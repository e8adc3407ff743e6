import ArgumentParser
import Callsheet

/// `build-site new page "Title"`: an extra page, published at `/<slug>/`.
struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page", abstract: "Start an extra page: content/pages/<slug>.md, published at /<slug>/.",
        discussion: "Example: build-site new page \"Resources\"")

    @Argument(help: "The page's title.")
    var title: String

    @OptionGroup var folder: NewContentOptions

    func validate() throws { try Scaffolding.validateTitle(title) }

    func run() throws {
        if let refusal = Scaffold.refusal(forPage: title) {
            Scaffolding.fail(refusal.message, hint: refusal.hint)
        }
        folder.create(Scaffold.page(title: title))
    }
}
