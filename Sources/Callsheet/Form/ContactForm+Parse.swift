import Foundation

extension ContactForm {
    static let formKeys: Set<String> = ["provider", "action", "submit", "success", "fields", "name", "subject", "privacy",
                                        "honeypot"]
    static let fieldKeys: Set<String> = ["name", "label", "type", "required", "help", "placeholder", "autocomplete", "options",
                                         "min", "max", "minlength", "maxlength", "default"]

    /// Reads and checks the `form:` spec. `sitePaths` are the site's pages (`contact/thanks/`), for `success`;
    /// `ownerEmail` is the default address of a mailto form. Every mistake is reported at its line.
    public static func parse(_ yaml: YAMLValue, at location: SourceLocation, sitePaths: Set<String>, siteTitle: String,
                             ownerEmail: String?) -> (ContactForm?, [Diagnostic]) {
        var spec = FieldReader(yaml, at: location, what: "`form`")
        var problems: [Diagnostic] = []

        var provider: Provider?
        if let text = spec.string("provider", required: true) {
            provider = Provider(rawValue: text.lowercased())
            if provider == nil {
                spec.error("unknown form provider `\(text)`", at: "provider",
                           hint: "use one of: \(Provider.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var action = spec.string("action")
        switch provider {
        case .formspree?, .basin?, .custom?:
            if let text = action {
                if !text.lowercased().hasPrefix("https://") || URLComponents(string: text)?.host?.isEmpty != false {
                    spec.error("the form's `action` must be an https address, such as https://formspree.io/f/abcd1234", at: "action",
                               hint: "messages sent over plain http can be read on the way")
                }
            } else {
                spec.error("a \(provider!.rawValue) form needs an `action`: the address the service gave you", at: "provider",
                           hint: "add a line `action: https://...` under `form:`")
            }
        case .netlify?:
            if action != nil {
                spec.error("a netlify form takes no `action`; Netlify receives it on your own site", at: "action",
                           hint: "remove the `action` line")
            }
        case .mailto?:
            let address = (action.map { $0.hasPrefix("mailto:") ? String($0.dropFirst(7)) : $0 }) ?? ownerEmail
            if let address, SiteConfig.isEmail(address) {
                action = address
            } else if action != nil {
                spec.error("a mailto form's `action` must be an email address", at: "action")
            } else {
                spec.error("a mailto form needs an email address: add `action: you@example.com` or `owner: email:` in site.yml",
                           at: "provider")
            }
        case nil:
            break
        }

        let submit = spec.string("submit") ?? "Send"
        var success = "contact/thanks/"
        if let text = spec.string("success") {
            if text.hasPrefix("https://") {
                success = text
            } else {
                let path = text.hasPrefix("/") ? String(text.dropFirst()) : text
                let normalized = path.isEmpty || path.hasSuffix("/") || path.hasSuffix(".html") ? path : path + "/"
                if sitePaths.contains(normalized) {
                    success = normalized
                } else {
                    spec.error("`success` must be a page of this site, such as /contact/thanks/; there is no page \(text)",
                               at: "success", hint: "leave it out to use the built-in thank-you page at /contact/thanks/")
                }
            }
        }
        let name = spec.string("name") ?? "contact"
        if !isFieldName(name) {
            spec.error("the form's `name` must be lower-case letters, digits, `-` or `_`, such as `contact`", at: "name")
        }
        let honeypot = spec.string("honeypot") ?? (provider == .netlify ? "bot-field" : "_gotcha")
        let subject = spec.string("subject") ?? "New inquiry from \(siteTitle)"
        let privacy = spec.string("privacy")

        var fields: [Field] = []
        var seen: [String: SourceLocation] = [:]
        if let items = spec.list("fields") {
            if items.isEmpty { spec.error("the form has no fields", at: "fields") }
            for item in items {
                let (field, found) = parseField(item)
                problems += found
                // A field with mistakes of its own still has its name checked, so one run names every mistake.
                var written: String?
                if case .scalar(let text, _)? = item["name"]?.kind, isFieldName(text) { written = text }
                guard let name = field?.name ?? written else { continue }
                let here = item["name"]?.location ?? item.location
                if let first = seen[name] {
                    problems.append(.error("the field name `\(name)` is used twice; the first is on line \(first.line)", at: here,
                                           hint: "each field needs its own name"))
                } else if name == honeypot || reservedNames.contains(name) {
                    problems.append(.error("the field name `\(name)` is reserved for the form's hidden fields", at: here,
                                           hint: "choose another name"))
                } else {
                    seen[name] = here
                    if let field { fields.append(field) }
                }
            }
        } else if spec.value("fields") == nil {
            spec.error("the form has no `fields`", at: "fields", hint: "list the fields under `fields:`, each starting with `- name:`")
        }
        spec.warnAboutUnknownKeys(known: formKeys, in: "`form`")
        problems = strict(spec.diagnostics.all) + problems
        guard let provider, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        return (ContactForm(provider: provider, action: action, submitLabel: submit, success: success, name: name,
                            subject: subject, privacy: privacy, honeypot: honeypot, fields: fields), problems)
    }

    /// The form spec is strict: an unknown key there is an error, since a misspelt `requierd` would silently
    /// make a field optional.
    static func strict(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard diagnostic.severity == .warning, diagnostic.message.hasPrefix("unknown key") else { return diagnostic }
            var copy = diagnostic
            copy.severity = .error
            copy.message = copy.message.replacingOccurrences(of: "; it is ignored", with: "")
            return copy
        }
    }

    static func isFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    static func parseField(_ item: YAMLValue) -> (Field?, [Diagnostic]) {
        var reader = FieldReader(item, at: item.location, what: "each field")
        let name = reader.string("name", required: true)
        if let name, !isFieldName(name) {
            reader.error("the field name `\(name)` must start with a lower-case letter and use only a-z, 0-9, `_` and `-`",
                         at: "name", hint: "for example `production_title`")
        }
        let label = reader.string("label", required: true)
        var type = FieldType.text
        if let text = reader.string("type") {
            if let known = FieldType(rawValue: text.lowercased()) {
                type = known
            } else {
                // What other form builders call it, then a near spelling; with neither, a field with options is
                // taken for a choice, so the checks below do not add mistakes of a type nobody asked for.
                let guess = FieldType.otherNames[text.lowercased()]
                    ?? FieldReader.nearest(to: text, in: Set(FieldType.allCases.map(\.rawValue))).flatMap(FieldType.init(rawValue:))
                reader.error("unknown field type `\(text)`", at: "type",
                             hint: guess.map { "did you mean `\($0.rawValue)`?" } ?? "use one of: \(FieldType.allCases.map(\.rawValue).joined(separator: ", "))")
                type = guess ?? (reader.value("options") != nil ? .select : .text)
            }
        }
        let isRequired = reader.bool("required") ?? false
        let help = reader.string("help")
        let placeholder = reader.string("placeholder")
        if placeholder != nil, !type.hasPlaceholder {
            reader.error("\(type.withArticle) field shows no `placeholder`", at: "placeholder")
        }
        let autocomplete = reader.string("autocomplete")
        if let autocomplete, !Autocomplete.isValid(autocomplete) {
            reader.error("`\(autocomplete)` is not an autocomplete value browsers know", at: "autocomplete",
                         hint: Autocomplete.suggestion(for: autocomplete).map { "did you mean `\($0)`?" }
                            ?? "use a token such as name, email, tel, organization, or leave it out")
        } else if autocomplete != nil, [.radio, .checkbox, .checkboxes].contains(type) {
            reader.error("`autocomplete` does not apply to \(type.withArticle) field", at: "autocomplete", hint: "remove it")
        } else if let autocomplete, !Autocomplete.allows(autocomplete, on: type) {
            reader.error("`\(autocomplete)` cannot be used on \(type.withArticle) field", at: "autocomplete",
                         hint: "browsers fill it only into a field of a matching type; change `type` or the autocomplete value")
        }
        if isRequired, type == .checkboxes {
            reader.error("a `checkboxes` group cannot be required: browsers cannot check that one box is ticked without JavaScript",
                         at: "required", hint: "use `radio` for one required answer, or make each box optional")
        }

        var options: [String] = []
        var listed = Set<String>()  // so 100,000 options are checked in linear time
        // `options: Yes, No, Not sure` is one text to YAML: one option holding commas, which no one means.
        if let value = reader.value("options"), case .scalar(let text, _) = value.kind, text.contains(",") {
            reader.append(.error("`options` is one piece of text here, so the field would offer a single choice", at: value.location,
                                 hint: "write the options as a list, in brackets: `options: [\(text)]`"))
        }
        if let items = reader.list("options") {
            for option in items {
                guard case .scalar(let text, _) = option.kind, !text.trimmingSpaces().isEmpty else {
                    reader.append(.error("each option must be a short text", at: option.location))
                    continue
                }
                let trimmed = text.trimmingSpaces()
                if !listed.insert(trimmed).inserted {
                    reader.append(.error("the option `\(trimmed)` is listed twice", at: option.location))
                }
                options.append(trimmed)
            }
            if !type.hasOptions {
                reader.error("\(type.withArticle) field takes no `options`", at: "options",
                             hint: "use `type: select`, `radio` or `checkboxes` for a choice")
            }
        }
        if type.hasOptions, options.isEmpty {
            reader.append(.error("\(type.withArticle) field needs `options` to choose from",
                                 at: reader.value("options")?.location ?? reader.value("type")?.location ?? reader.location,
                                 hint: "add `options: [First, Second]`"))
        }

        var minimum: String?, maximum: String?
        for key in ["min", "max"] where reader.value(key) != nil {
            guard type.hasRange else {
                reader.error("`\(key)` only applies to number and date fields", at: key)
                continue
            }
            let value = type == .date ? strictDate(key, &reader) : reader.double(key).map(Self.formatNumber)
            if key == "min" { minimum = value } else { maximum = value }
        }
        if type == .number, let low = minimum.flatMap(Double.init), let high = maximum.flatMap(Double.init), low > high {
            reader.error("`min` is larger than `max`", at: "min")
        }
        if type == .date, let low = minimum, let high = maximum, low > high {
            reader.error("`min` is later than `max`", at: "min")
        }
        var minLength: Int?, maxLength: Int?
        for key in ["minlength", "maxlength"] where reader.value(key) != nil {
            guard type.hasLength else {
                reader.error("`\(key)` only applies to text fields", at: key)
                continue
            }
            let value = reader.int(key)
            if let value, value < 0 { reader.error("`\(key)` cannot be negative", at: key) }
            if key == "minlength" { minLength = value } else { maxLength = value }
        }
        if let low = minLength, let high = maxLength, low > high {
            reader.error("`minlength` is larger than `maxlength`", at: "minlength")
        }
        if maxLength == 0 { reader.error("`maxlength` of 0 allows no text at all", at: "maxlength") }

        var defaults: [String] = []
        if let value = reader.value("default") {
            switch (type, value.kind) {
            case (.checkboxes, _):
                for item in reader.list("default") ?? [] {
                    if case .scalar(let text, _) = item.kind { defaults.append(text.trimmingSpaces()) }
                }
            case (.checkbox, _):
                if reader.bool("default") == true { defaults = ["true"] }
            case (.number, _):
                if let number = reader.double("default") { defaults = [Self.formatNumber(number)] }
            case (.date, _):
                if let date = strictDate("default", &reader) { defaults = [date] }
            case (_, .scalar(let text, _)):
                defaults = [text.trimmingSpaces()]
            default:
                reader.error("`default` must be a single value", at: "default")
            }
            if type.hasOptions, let wrong = defaults.first(where: { !listed.contains($0) }), !options.isEmpty {
                reader.error("the default `\(wrong)` is not one of the options", at: "default")
            }
        }

        reader.warnAboutUnknownKeys(known: fieldKeys, in: "a form field")
        let problems = strict(reader.diagnostics.all)
        guard let name, let label, !problems.contains(where: { $0.severity == .error }) else { return (nil, problems) }
        return (Field(name: name, label: label, type: type, isRequired: isRequired, help: help, placeholder: placeholder,
                      autocomplete: autocomplete, options: options, minimum: minimum, maximum: maximum, minLength: minLength,
                      maxLength: maxLength, defaultValues: defaults), problems)
    }

    /// A date field's `min`, `max` or `default`: a real day, written exactly YYYY-MM-DD (no time).
    static func strictDate(_ key: String, _ reader: inout FieldReader) -> String? {
        guard let text = reader.date(key) else { return nil }
        guard text.count == 10 else {
            reader.error("`\(key)` must be a day without a time, such as 2026-03-01", at: key)
            return nil
        }
        return text
    }

    static func formatNumber(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
