/// `/contact/form.schema.json`: a JSON Schema (2020-12) of a valid submission, for any form backend.
/// A submission is a JSON object: text as strings, numbers as numbers, a ticked checkbox as "yes",
/// a checkboxes group as a list of the options chosen. The honeypot and the services' own hidden
/// fields are not part of it.
extension ContactForm {
    func jsonSchema(id: String, siteTitle: String) -> JSON {
        var properties: [(String, JSON)] = []
        var required: [JSON] = []
        for field in fields {
            properties.append((field.name, .object(propertySchema(field))))
            if field.isRequired { required.append(.string(field.name)) }
        }
        var schema: [(String, JSON)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(id)),
            ("title", .string("Contact form submission")),
            ("description", .string("A message sent with the contact form of \(siteTitle).")),
            ("type", .string("object")),
            ("properties", .object(properties)),
        ]
        if !required.isEmpty { schema.append(("required", .array(required))) }
        schema.append(("additionalProperties", .bool(false)))
        return .object(schema)
    }

    private func propertySchema(_ field: Field) -> [(String, JSON)] {
        var schema: [(String, JSON)] = [("title", .string(field.label))]
        if let help = field.help { schema.append(("description", .string(help))) }
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
