import Mustache

extension TemplateSet {
    /// The partials and parent templates a parsed template names, read from swift-mustache's own tokens
    /// (through reflection: they are not public), so a tag written after a delimiter change
    /// (`{{=<% %>=}}<%> nav %>`) is found as surely as a plain `{{> nav}}`. Dynamic partials
    /// (`{{>*page.kind}}`) are named at render time, so the render itself is guarded for them.
    static func partialNames(in template: MustacheTemplate) -> [String] {
        var names: [String] = []
        func visit(_ value: Any, depth: Int) {
            guard depth < 200 else { return }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .enum, let payload = mirror.children.first, payload.label == "partial",
               let name = Mirror(reflecting: payload.value).children.first?.value as? String {
                names.append(name)
            }
            for child in mirror.children { visit(child.value, depth: depth + 1) }
        }
        visit(template, depth: 0)
        return names
    }

    /// The partials a template's text scan missed (written with other delimiters), placed at the first
    /// place their name appears in the text, or at the top of the file.
    static func referencesMissedByTheScan(_ template: MustacheTemplate, text: String,
                                          scanned: [PartialReference]) -> [PartialReference] {
        let known = Set(scanned.map(\.name))
        var found: [PartialReference] = []
        for name in partialNames(in: template) where !known.contains(name) && !found.contains(where: { $0.name == name }) {
            var line = 1, column = 1
            for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let range = lineText.range(of: name) {
                    line = index + 1
                    column = lineText.distance(from: lineText.startIndex, to: range.lowerBound) + 1
                    break
                }
            }
            found.append(PartialReference(name: name, isParent: false, line: line, column: column))
        }
        return found
    }
}
