import Foundation
import Testing
@testable import Callsheet

/// Renders template text the way a site's templates are rendered: every template parsed with
/// `TemplateParser`, then one `TemplateRenderer` over the data.
enum MustacheHarness {
    /// The output of `template` over `data` (JSON text), with `partials` by name.
    static func render(_ template: String, _ data: String = "{}", partials: [String: String] = [:]) throws -> String {
        try outcome(template, data, partials: partials).output
    }

    /// The whole outcome of a render: what was written and why it stopped, if it did.
    static func outcome(_ template: String, _ data: String = "{}", partials: [String: String] = [:]) throws
        -> (output: String, problem: TemplateRenderProblem?) {
        try outcome(template, value(data), partials: partials)
    }

    static func outcome(_ template: String, _ data: TemplateValue, partials: [String: String] = [:]) throws
        -> (output: String, problem: TemplateRenderProblem?) {
        var templates: [String: ParsedTemplate] = [:]
        for (name, text) in partials.merging(["main": template], uniquingKeysWith: { _, main in main }) {
            templates[name] = try TemplateParser.parse(text).get()
        }
        var renderer = TemplateRenderer(templates: templates, data: data)
        let found = renderer.render(template: "main")
        #expect(found)
        return (renderer.output, renderer.problem)
    }

    /// The syntax error `template` gives, as `line:column: message`; nil when it parses.
    static func error(_ template: String) -> String? {
        guard case .failure(let error) = TemplateParser.parse(template) else { return nil }
        return "\(error.line):\(error.column): \(error.message)"
    }

    /// Template data written as JSON: objects, lists, texts, whole numbers, `true` and `false`.
    static func value(_ json: String) throws -> TemplateValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)).value
    }

    private struct JSONValue: Decodable {
        var value: TemplateValue

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                value = .flag(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .integer(number)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let text = try? container.decode(String.self) {
                value = .text(text)
            } else if let items = try? container.decode([JSONValue].self) {
                value = .list(items.map(\.value))
            } else {
                value = .object(try container.decode([String: JSONValue].self).mapValues(\.value))
            }
        }
    }
}
