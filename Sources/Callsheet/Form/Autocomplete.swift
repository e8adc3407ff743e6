/// The WHATWG autofill tokens (HTML Living Standard, "Autofill"): `autocomplete` values browsers understand.
enum Autocomplete {
    static let fieldNames: Set<String> = [
        "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix", "nickname",
        "username", "new-password", "current-password", "one-time-code", "organization-title", "organization",
        "street-address", "address-line1", "address-line2", "address-line3", "address-level4", "address-level3",
        "address-level2", "address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
        "cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc", "cc-type",
        "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month", "bday-year", "sex",
        "url", "photo",
    ]
    static let contactFieldNames: Set<String> = [
        "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix", "tel-local-suffix",
        "tel-extension", "email", "impp",
    ]
    static let contactKinds: Set<String> = ["home", "work", "mobile", "fax", "pager"]

    /// Whether `value` is a valid autocomplete attribute value.
    static func isValid(_ value: String) -> Bool {
        var tokens = value.lowercased().split(separator: " ").map(String.init)
        if tokens == ["on"] || tokens == ["off"] { return true }
        if tokens.last == "webauthn" { tokens.removeLast() }
        guard let field = tokens.popLast() else { return false }
        if let first = tokens.first, first.hasPrefix("section-"), first.count > 8 { tokens.removeFirst() }
        if let first = tokens.first, first == "shipping" || first == "billing" { tokens.removeFirst() }
        if contactFieldNames.contains(field) {
            if let first = tokens.first, contactKinds.contains(first) { tokens.removeFirst() }
            return tokens.isEmpty
        }
        return fieldNames.contains(field) && tokens.isEmpty
    }

    /// Whether the token (the last word of `value`) may be used on a field of `type`: HTML lets each
    /// autofill field sit only on controls that can hold it (an email address in an email or text box...).
    static func allows(_ value: String, on type: ContactForm.FieldType) -> Bool {
        var tokens = value.lowercased().split(separator: " ").map(String.init)
        if tokens.last == "webauthn" { tokens.removeLast() }
        guard let field = tokens.last else { return false }
        if field == "on" || field == "off" { return true }
        let allowed: Set<ContactForm.FieldType>
        switch field {
        case "street-address": allowed = [.textarea, .select]
        case "new-password", "current-password", "one-time-code": allowed = [.text]
        case "cc-exp-month", "cc-exp-year", "transaction-amount", "bday-day", "bday-month", "bday-year":
            allowed = [.text, .number, .select]
        case "cc-exp": allowed = [.text, .select]
        case "bday": allowed = [.text, .date, .select]
        case "url", "photo", "impp": allowed = [.url, .text, .select]
        case "email": allowed = [.email, .text, .select]
        default:
            allowed = field.hasPrefix("tel") ? [.tel, .text, .select] : [.text, .textarea, .select]
        }
        return allowed.contains(type)
    }

    /// The nearest token, for "did you mean".
    static func suggestion(for value: String) -> String? {
        FieldReader.nearest(to: value, in: fieldNames.union(contactFieldNames))
    }
}
