import ArgumentParser
import Callsheet
import Foundation

/// `build-site new news "Title"`: a dated post, today's unless `--date` says otherwise.
struct NewNews: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news", abstract: "Start a news post (a talk, an interview, an article): content/news/<slug>.md.",
        discussion: "Example: build-site new news \"A talk on consent at the Film Forum\" --date 2026-03-14")

    @Argument(help: "The post's title.")
    var title: String

    @Option(help: ArgumentHelp("The post's date, as YYYY-MM-DD (default: today).", valueName: "day"))
    var date: String?

    @OptionGroup var folder: NewContentOptions

    func validate() throws {
        try Scaffolding.validateTitle(title)
        if let date, !Scaffold.isDate(date) { throw ValidationError("--date must be a real day written YYYY-MM-DD, such as 2026-03-14") }
    }

    func run() throws {
        folder.create(Scaffold.news(title: title, date: date ?? Scaffold.day(of: Date())))
    }
}
