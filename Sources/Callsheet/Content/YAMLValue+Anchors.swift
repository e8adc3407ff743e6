import CYaml

extension YAMLValue {
    /// Where the text first uses a YAML anchor (`&name`) or alias (`*name`), found with libyaml's own
    /// event stream (the parser Yams uses) before Yams builds anything: an alias repeats a whole value,
    /// so ten lines of aliases of aliases can stand for gigabytes ("billion laughs"). Content has no
    /// need for them, so they are refused. Nil when there is none, or when the text stops being YAML
    /// before one (Yams then reports the syntax error).
    static func firstAnchorOrAlias(in text: String) -> (line: Int, column: Int, isAlias: Bool)? {
        // Neither can be written without its indicator byte.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> (line: Int, column: Int, isAlias: Bool)? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return (mark.line, mark.column, true)
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil,
                     YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                     YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return (mark.line, mark.column, false)
                default:
                    continue
                }
            }
        }
    }
}
