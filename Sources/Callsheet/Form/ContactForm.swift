/// The contact form declared in `contact.md`'s `form:` front matter.
public struct ContactForm: Sendable {
    /// The form service that receives submissions.
    public enum Provider: String, Sendable, CaseIterable {
        case formspree, netlify, basin, custom, mailto

        /// The name a visitor would recognise, for the privacy line.
        var serviceName: String {
            switch self {
            case .formspree: return "Formspree"
            case .netlify: return "Netlify"
            case .basin: return "Basin"
            case .custom: return "a form service"
            case .mailto: return "your email program"
            }
        }
    }

    /// The kinds of field a coordinator can ask for.
    public enum FieldType: String, Sendable, CaseIterable {
        case text, email, tel, url, date, number, textarea, select, radio, checkbox, checkboxes

        /// What other form builders and HTML call some types, for the hint at an unknown one.
        static let otherNames: [String: FieldType] = [
            "dropdown": .select, "drop-down": .select, "menu": .select, "choice": .select, "list": .select,
            "multiline": .textarea, "paragraph": .textarea, "message": .textarea, "long": .textarea, "longtext": .textarea,
            "phone": .tel, "telephone": .tel, "mail": .email, "e-mail": .email, "website": .url, "link": .url,
            "string": .text, "short": .text, "integer": .number, "int": .number, "tickbox": .checkbox, "boolean": .checkbox,
            "multiselect": .checkboxes, "multi": .checkboxes, "options": .radio,
        ]

        /// "a text", "an email": the type with its article, for messages.
        var withArticle: String { ([.email, .url].contains(self) ? "an " : "a ") + rawValue }

        /// Fields that offer a list of `options`.
        var hasOptions: Bool { self == .select || self == .radio || self == .checkboxes }
        /// Fields whose length can be limited.
        var hasLength: Bool { [.text, .email, .tel, .url, .textarea].contains(self) }
        /// Fields with a range.
        var hasRange: Bool { self == .number || self == .date }
        /// Fields that show a placeholder.
        var hasPlaceholder: Bool { [.text, .email, .tel, .url, .textarea, .number].contains(self) }
    }

    /// One field of the form.
    public struct Field: Sendable {
        public var name: String
        public var label: String
        public var type: FieldType
        public var isRequired: Bool
        public var help: String?
        public var placeholder: String?
        public var autocomplete: String?
        public var options: [String]
        public var minimum: String?
        public var maximum: String?
        public var minLength: Int?
        public var maxLength: Int?
        /// The starting value: text, a number, an option, "true" for a ticked checkbox, or options for checkboxes.
        public var defaultValues: [String]
    }

    public var provider: Provider
    /// Where the form posts: the service's address (or `mailto:` address).
    public var action: String?
    public var submitLabel: String
    /// Where visitors land after sending: a site path such as `contact/thanks/`, or an absolute https URL.
    public var success: String
    /// The form's name, for Netlify's dashboard.
    public var name: String
    /// The subject line of the email the coordinator receives.
    public var subject: String
    /// The line under the form that says where the message goes.
    public var privacy: String?
    /// The name of the hidden field that catches spam robots.
    public var honeypot: String
    public var fields: [Field]
    /// The theme's words in the form's language, set when its HTML is made.
    var words: [String: String] = [:]

    /// Where the JSON Schema of a submission is published.
    public static let schemaPath = "contact/form.schema.json"

    /// Whether a field name is taken by the form's own hidden fields.
    static let reservedNames: Set<String> = ["form-name", "bot-field", "_gotcha", "_next", "_subject", "_replyto", "_honeypot"]
}
