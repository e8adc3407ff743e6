/// The form as accessible HTML: a visible label for every control, required fields marked in words,
/// help tied with `aria-describedby`, choices in fieldsets, and the wiring each provider expects.
extension ContactForm {
    /// What the HTML needs from the site.
    struct Links {
        /// Root-relative URL of the success page (or an absolute URL).
        var successURL: String
        /// Absolute URL of the success page, for services that redirect.
        var successAbsoluteURL: String
        /// Root-relative URL of the privacy page, when the site has one.
        var privacyURL: String?
        var ownerName: String?
        /// The theme's words in the form's language (`form_required`, `form_choose_one`...).
        var words: [String: String]
    }

    func html(links: Links) -> String {
        var form = self
        form.words = links.words
        return form.formHTML(links: links)
    }

    /// The theme's word for `key`, with each `{name}` replaced by its value (already HTML).
    private func word(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = escape(words[key] ?? "")
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    private func formHTML(links: Links) -> String {
        if provider == .mailto { return mailtoHTML(links: links) }
        var out = "<form class=\"contact-form\" method=\"post\" action=\"\(escape(formAction(links)))\""
        switch provider {
        case .netlify:
            out += " name=\"\(escape(name))\" data-netlify=\"true\" data-netlify-honeypot=\"\(escape(honeypot))\""
        case .basin, .formspree, .custom:
            out += " accept-charset=\"UTF-8\""
        case .mailto:
            break
        }
        out += ">\n"
        if fields.contains(where: \.isRequired) {
            out += "  <p class=\"form-note\">\(word("form_note", ["required": "<span class=\"required\">\(word("form_required"))</span>"]))</p>\n"
        }
        switch provider {
        case .netlify:
            out += "  <input type=\"hidden\" name=\"form-name\" value=\"\(escape(name))\">\n"
        case .formspree:
            out += "  <input type=\"hidden\" name=\"_subject\" value=\"\(escape(subject))\">\n"
            out += "  <input type=\"hidden\" name=\"_next\" value=\"\(escape(links.successAbsoluteURL))\">\n"
        case .basin, .custom, .mailto:
            break
        }
        for field in fields { out += fieldHTML(field) }
        out += honeypotHTML()
        out += "  <p class=\"form-actions\"><button type=\"submit\">\(escape(submitLabel))</button></p>\n"
        out += "  <p class=\"form-privacy\">\(privacyHTML(links: links))</p>\n"
        out += "</form>\n"
        return out
    }

    private func formAction(_ links: Links) -> String {
        switch provider {
        case .netlify: return links.successURL
        default: return action ?? ""
        }
    }

    /// Element ids: `contact-<name>` for the control, with `.help` or `.<n>` after it for its parts. Field
    /// names cannot contain `.`, so no two fields' ids can meet.
    private func id(_ field: Field, _ suffix: String = "") -> String { "contact-\(field.name)\(suffix)" }

    /// Every id the form's HTML uses, so headings on the contact page can keep clear of them.
    var elementIDs: Set<String> {
        var ids: Set<String> = [Self.honeypotID]
        for field in fields {
            ids.insert(id(field))
            ids.insert(id(field, ".help"))
            for index in field.options.indices { ids.insert(id(field, ".\(index + 1)")) }
        }
        return ids
    }

    static let honeypotID = "contact.hp"

    private func requiredMark(_ field: Field) -> String {
        field.isRequired ? " <span class=\"required\">\(word("form_required"))</span>" : ""
    }

    private func helpHTML(_ field: Field) -> String {
        guard let help = field.help else { return "" }
        return "    <p class=\"help\" id=\"\(id(field, ".help"))\">\(escape(help))</p>\n"
    }

    private func describedBy(_ field: Field) -> String {
        field.help == nil ? "" : " aria-describedby=\"\(id(field, ".help"))\""
    }

    private func fieldHTML(_ field: Field) -> String {
        switch field.type {
        case .radio, .checkboxes:
            return choiceGroupHTML(field)
        case .checkbox:
            var out = "  <div class=\"field field-checkbox\">\n"
            out += "    <input type=\"checkbox\" id=\"\(id(field))\" name=\"\(escape(field.name))\" value=\"yes\""
            if field.defaultValues == ["true"] { out += " checked" }
            if field.isRequired { out += " required" }
            out += describedBy(field) + ">\n"
            out += "    <label for=\"\(id(field))\">\(escape(field.label))\(requiredMark(field))</label>\n"
            out += helpHTML(field)
            return out + "  </div>\n"
        default:
            var out = "  <div class=\"field\">\n"
            out += "    <label for=\"\(id(field))\">\(escape(field.label))\(requiredMark(field))</label>\n"
            out += helpHTML(field)
            out += "    " + controlHTML(field) + "\n"
            return out + "  </div>\n"
        }
    }

    private func commonAttributes(_ field: Field) -> String {
        var attributes = " id=\"\(id(field))\" name=\"\(escape(field.name))\""
        if field.isRequired { attributes += " required" }
        if let autocomplete = field.autocomplete { attributes += " autocomplete=\"\(escape(autocomplete))\"" }
        if let minLength = field.minLength { attributes += " minlength=\"\(minLength)\"" }
        if let maxLength = field.maxLength { attributes += " maxlength=\"\(maxLength)\"" }
        if let placeholder = field.placeholder { attributes += " placeholder=\"\(escape(placeholder))\"" }
        return attributes + describedBy(field)
    }

    private func controlHTML(_ field: Field) -> String {
        switch field.type {
        case .textarea:
            return "<textarea\(commonAttributes(field)) rows=\"6\">\(escape(field.defaultValues.first ?? ""))</textarea>"
        case .select:
            var out = "<select\(commonAttributes(field))>\n"
            out += "      <option value=\"\"\(field.defaultValues.isEmpty ? " selected" : "")>\(word("form_choose_one"))</option>\n"
            for option in field.options {
                let selected = field.defaultValues.first == option ? " selected" : ""
                out += "      <option value=\"\(escape(option))\"\(selected)>\(escape(option))</option>\n"
            }
            return out + "    </select>"
        default:
            var out = "<input type=\"\(field.type.rawValue)\"\(commonAttributes(field))"
            if let minimum = field.minimum { out += " min=\"\(escape(minimum))\"" }
            if let maximum = field.maximum { out += " max=\"\(escape(maximum))\"" }
            if field.type == .number { out += " step=\"any\"" }
            if let value = field.defaultValues.first { out += " value=\"\(escape(value))\"" }
            return out + ">"
        }
    }

    private func choiceGroupHTML(_ field: Field) -> String {
        let inputType = field.type == .radio ? "radio" : "checkbox"
        var out = "  <fieldset class=\"field field-choices\"\(describedBy(field))>\n"
        out += "    <legend>\(escape(field.label))\(requiredMark(field))</legend>\n"
        out += helpHTML(field)
        for (index, option) in field.options.enumerated() {
            let optionID = id(field, ".\(index + 1)")
            out += "    <div class=\"choice\">\n"
            out += "      <input type=\"\(inputType)\" id=\"\(optionID)\" name=\"\(escape(field.name))\" value=\"\(escape(option))\""
            if field.defaultValues.contains(option) { out += " checked" }
            if field.isRequired, field.type == .radio { out += " required" }
            out += ">\n"
            out += "      <label for=\"\(optionID)\">\(escape(option))</label>\n"
            out += "    </div>\n"
        }
        return out + "  </fieldset>\n"
    }

    /// A field people never see (hidden by the `hp` class and left out of the tab order) that robots fill in.
    private func honeypotHTML() -> String {
        "  <div class=\"hp\">\n"
            + "    <label for=\"\(Self.honeypotID)\">\(word("form_honeypot"))</label>\n"
            + "    <input type=\"text\" id=\"\(Self.honeypotID)\" name=\"\(escape(honeypot))\" tabindex=\"-1\" autocomplete=\"off\">\n"
            + "  </div>\n"
    }

    private func privacyHTML(links: Links) -> String {
        var text: String
        if let privacy {
            text = escape(privacy)
        } else {
            let recipient = links.ownerName.map { escape($0) } ?? word("form_privacy_recipient")
            switch provider {
            case .formspree, .basin:
                text = word("form_privacy_service", ["service": escape(provider.serviceName), "recipient": recipient])
            case .netlify:
                text = word("form_privacy_netlify", ["recipient": recipient])
            case .custom:
                let host = action.flatMap { URLHost.of($0) } ?? provider.serviceName
                text = word("form_privacy_host", ["host": escape(host), "recipient": recipient])
            case .mailto:
                text = word("form_privacy_mailto", ["recipient": recipient])
            }
        }
        if let url = links.privacyURL {
            text += " <a href=\"\(escape(url))\">\(word("form_privacy_link"))</a>."
        }
        return text
    }

    /// A mail link, not a form: browsers cannot send a form by email reliably (a `mailto:` form action opens
    /// an empty message or nothing at all, and the text typed is lost), so the visitor writes in their own
    /// email program, with the subject and the questions filled in.
    private func mailtoHTML(links: Links) -> String {
        let address = action ?? ""
        var body = ""
        for field in fields where field.type != .checkbox {
            body += "\(field.label)\(field.isRequired ? " " + (words["form_required"] ?? "") : ""):\n"
            if field.type.hasOptions { body += "(\(field.options.joined(separator: " / ")))\n" }
            body += "\n"
        }
        let href = "mailto:\(address)?subject=\(URLHost.percentEncode(subject))&body=\(URLHost.percentEncode(body))"
        var out = "<div class=\"contact-form contact-mailto\">\n"
        out += "  <p>\(word("form_mailto_intro"))</p>\n"
        out += "  <ul>\n"
        for field in fields where field.type != .checkbox {
            out += "    <li>\(escape(field.label))\(requiredMark(field))"
            if let help = field.help { out += ": \(escape(help))" }
            out += "</li>\n"
        }
        out += "  </ul>\n"
        out += "  <p class=\"form-actions\"><a class=\"button\" href=\"\(escape(href))\">\(escape(submitLabel))</a></p>\n"
        out += "  <p>\(word("form_mailto_or", ["address": "<a href=\"mailto:\(escape(address))\">\(escape(address))</a>"]))</p>\n"
        out += "  <p class=\"form-privacy\">\(privacyHTML(links: links))</p>\n"
        return out + "</div>\n"
    }

    private func escape(_ text: String) -> String { HTML.escape(text) }
}

import Foundation

/// Small URL helpers for the form.
enum URLHost {
    static func of(_ url: String) -> String? { URLComponents(string: url)?.host }

    /// Percent-encodes text for a `mailto:` query value.
    static func percentEncode(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
