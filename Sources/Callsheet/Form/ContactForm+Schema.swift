/// `/contact/form.schema.json`: a JSON Schema (2020-12) of a valid submission, for any form backend.
/// A submission is what the form posts, as a JSON object: text as strings, numbers as numbers, a ticked
/// checkbox as "yes", a checkboxes group as a list of the options chosen. Browsers send empty optional
/// text, date, number and select fields as "", so an optional field also accepts "". The honeypot must
/// be empty, and the service's own hidden fields (`_subject`, `_next`, `form-name`) are allowed.
extension ContactForm {
    /// `title` and `description` are in the form's language (templates/strings: `form_schema_title`...).
    func jsonSchema(id: String, title: String, description: String) -> JSON {
        var properties: [(String, JSON)] = []
        var required: [JSON] = []
        for field in fields {
            properties.append((field.name, .object(propertySchema(field))))
            if field.isRequired { required.append(.string(field.name)) }
        }
        properties.append((honeypot, .object([("description", .string("Spam trap: people leave it empty.")),
                                              ("type", .string("string")), ("maxLength", .integer(0))])))
        for hidden in hiddenFieldNames {
            properties.append((hidden, .object([("description", .string("Set by the form itself for \(provider.serviceName).")),
                                                ("type", .string("string"))])))
        }
        var schema: [(String, JSON)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string(title)),
            ("description", .string(description)),
            ("type", .string("object")),
            ("properties", .object(properties)),
        ]
        if !required.isEmpty { schema.append(("required", .array(required))) }
        schema.append(("additionalProperties", .bool(false)))
        return .object(schema)
    }

    /// The hidden fields the HTML adds for the provider.
    var hiddenFieldNames: [String] {
        switch provider {
        case .formspree: return ["_subject", "_next"]
        case .netlify: return ["form-name"]
        case .basin, .custom, .mailto: return []
        }
    }

    private func propertySchema(_ field: Field) -> [(String, JSON)] {
        var schema: [(String, JSON)] = [("title", .string(field.label))]
        if let help = field.help { schema.append(("description", .string(help))) }
        let value = valueSchema(field)
        // An optional field left empty is posted as "" (checkboxes are not posted at all).
        if !field.isRequired, field.type != .checkbox, field.type != .checkboxes, field.type != .radio {
            schema.append(("anyOf", .array([.object(value), .object([("const", .string(""))])])))
        } else {
            schema += value
        }
        return schema
    }

    private func valueSchema(_ field: Field) -> [(String, JSON)] {
        var schema: [(String, JSON)] = []
        switch field.type {
        case .number:
            schema.append(("type", .string("number")))
            if let minimum = field.minimum.flatMap(Double.init) { schema.append(("minimum", .number(minimum))) }
            if let maximum = field.maximum.flatMap(Double.init) { schema.append(("maximum", .number(maximum))) }
        case .select, .radio:
            schema.append(("type", .string("string")))
            schema.append(("enum", .array(field.options.map(JSON.string))))
        case .checkboxes:
            schema.append(("type", .string("array")))
            schema.append(("items", .object([("type", .string("string")), ("enum", .array(field.options.map(JSON.string)))])))
            schema.append(("uniqueItems", .bool(true)))
        case .checkbox:
            schema.append(("type", .string("string")))
            schema.append(("const", .string("yes")))
        case .text, .email, .tel, .url, .date, .textarea:
            schema.append(("type", .string("string")))
            switch field.type {
            case .email: schema.append(("format", .string("email")))
            case .url: schema.append(("format", .string("uri")))
            case .date:
                schema.append(("format", .string("date")))
                schema.append(("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")))
            default: break
            }
            let minLength = field.minLength ?? (field.isRequired ? 1 : nil)
            if let minLength { schema.append(("minLength", .integer(minLength))) }
            if let maxLength = field.maxLength { schema.append(("maxLength", .integer(maxLength))) }
        }
        return schema
    }
}
