extension TemplateRenderer {
    /// The value a name names: its first key looked up from the innermost section's value outwards (or in
    /// the innermost only, for `.key`), the rest inside what that found; then its transforms, in order.
    mutating func lookup(_ name: TemplateName) -> TemplateValue? {
        guard spend() else { return nil }
        var value: TemplateValue?
        if name.keys.isEmpty {
            if name.anchored {
                value = stack.last
            } else {
                // `index()`, `first()`: where the current list item is.
                return positionValue(name.transforms)
            }
        } else if name.anchored {
            value = stack.last.flatMap { Self.descend($0, name.keys[...]) }
        } else {
            let first = name.keys[0]
            for frame in stack.reversed() {
                if let found = frame[first] {
                    value = Self.descend(found, name.keys.dropFirst())
                    break
                }
            }
        }
        return value.flatMap { Self.transform($0, by: name.transforms[...]) }
    }

    /// `value` through each transform in turn; nil as soon as one does not apply.
    private static func transform(_ value: TemplateValue, by transforms: ArraySlice<String>) -> TemplateValue? {
        var result = value
        for transform in transforms {
            guard let transformed = result.transformed(by: transform) else { return nil }
            result = transformed
        }
        return result
    }

    private static func descend(_ value: TemplateValue, _ keys: ArraySlice<String>) -> TemplateValue? {
        var current = value
        for key in keys {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    private func positionValue(_ transforms: [String]) -> TemplateValue? {
        guard let position, let first = transforms.first else { return nil }
        let result: TemplateValue
        switch first {
        case "first": result = .flag(position.index == 0)
        case "last": result = .flag(position.index == position.count - 1)
        case "index": result = .integer(position.index)
        case "even": result = .flag(position.index & 1 == 0)
        case "odd": result = .flag(position.index & 1 == 1)
        default: return nil
        }
        return Self.transform(result, by: transforms.dropFirst())
    }

    /// Counts one step of work (a lookup, a partial, a filled block, a list item) against the budget; false,
    /// with `problem` set, once the render has done more work than any page needs.
    mutating func spend() -> Bool {
        steps += 1
        guard steps <= Self.stepBudget else {
            problem = .overBudget
            return false
        }
        return true
    }

    /// Template text, indented as the partial or block it is in asks.
    mutating func writeText(_ text: String) {
        guard !indentation.isNone else {
            output += text
            checkOutputSize()
            return
        }
        var piece = Substring(text)
        if atLineStart {
            piece = piece.dropCommonPrefix(with: indentation.strip)
            // A line with nothing on it stays empty: no trailing whitespace.
            if piece != "\n", piece != "\r\n" { output += indentation.add }
        }
        output += piece
        atLineStart = piece.utf8.last == UInt8(ascii: "\n")
        checkOutputSize()
    }

    /// A value's text, escaped for HTML unless the tag asks for it as is.
    mutating func writeValue(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        if atLineStart, !indentation.isNone {
            output += indentation.add
        }
        atLineStart = false
        if escaped {
            output.appendEscapingHTML(text)
        } else {
            output += text
        }
        checkOutputSize()
    }

    /// Text repeated over lists, or a partial indented deep inside others, grows the page without lookups.
    private mutating func checkOutputSize() {
        if output.utf8.count > Self.outputBudget { problem = .overBudget }
    }

    /// False, with `problem` set, once the render has used its share of the stack.
    mutating func checkStack() -> Bool {
        let here = LargeStack.address()
        if stackBase > here, stackBase - here > UInt(Self.stackBudget) {
            problem = .tooDeep
            return false
        }
        return true
    }
}

extension Substring {
    /// The text without as much of `prefix` as it starts with.
    func dropCommonPrefix(with prefix: String) -> Substring {
        var index = startIndex
        var prefixIndex = prefix.startIndex
        while index < endIndex, prefixIndex < prefix.endIndex, self[index] == prefix[prefixIndex] {
            index = self.index(after: index)
            prefixIndex = prefix.index(after: prefixIndex)
        }
        return self[index...]
    }
}

extension String {
    func dropCommonPrefix(with prefix: String) -> Substring { Substring(self).dropCommonPrefix(with: prefix) }
}
