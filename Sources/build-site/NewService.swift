import ArgumentParser
import Callsheet
import Foundation

/// `build-site new service "Title"`: a service file with the next free `order`.
struct NewService: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service", abstract: "Start a service: content/services/<slug>.md, listed after the others.",
        discussion: "Example: build-site new service \"Consent workshops\"")

    @Argument(help: "The service's title.")
    var title: String

    @OptionGroup var folder: NewContentOptions

    func validate() throws { try Scaffolding.validateTitle(title) }

    func run() throws {
        folder.requireFolder()
        let orders = serviceOrders()
        guard let order = Scaffold.nextOrder(after: orders.map(\.order)) else {
            let largest = orders.max { $0.order < $1.order }
            Scaffolding.fail("this `order` is the largest whole number there is, so no service can come after it",
                             location: largest?.location,
                             hint: "give that service a smaller `order` (services are listed by order), then run this again")
        }
        folder.create(Scaffold.service(title: title, order: order))
    }

    /// The `order` of every service there is, with where it is written.
    private func serviceOrders() -> [(order: Int, location: SourceLocation)] {
        let services = folder.content + "/services"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: services)) ?? []).sorted()
        return names.compactMap { name in
            let path = services + "/" + name
            guard name.hasSuffix(".md"), name != "_index.md",
                  let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let value = try? FrontMatter.parse(text, path: path).get().yaml?["order"],
                  case .scalar(let written, _) = value.kind, let order = Int(written) else { return nil }
            return (order, value.location)
        }
    }
}
