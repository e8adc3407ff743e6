import Foundation
import Testing
@testable import Callsheet

@Suite struct ContactFormTests {
    /// A contact.md whose front matter starts `form:` on line 3; each spec line is indented under it.
    static func contact(_ spec: String) -> String {
        "---\ntitle: Contact\nform:\n" + spec.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + $0 }.joined(separator: "\n") + "\n---\nWrite to me.\n"
    }

    static let goodFields = """
    fields:
      - name: email
        label: Email
        type: email
        required: true
        autocomplete: email
        help: I reply within two days.
      - name: minors
        label: Are minors involved?
        type: radio
        required: true
        options: [Yes, No, Not sure]
      - name: role
        label: I am a...
        type: select
        options: [Producer, Director]
      - name: scenes
        label: Number of intimate scenes
        type: number
        min: 0
        max: 50
      - name: needs
        label: What do you need?
        type: checkboxes
        options: [Prep, Set, Workshop]
      - name: message
        label: Message
        type: textarea
        required: true
        maxlength: 2000
      - name: consent
        label: I agree to my message being stored.
        type: checkbox
        required: true
    """

    static func spec(provider: String, action: String? = "https://formspree.io/f/abc") -> String {
        "provider: \(provider)\n" + (action.map { "action: \($0)\n" } ?? "") + "submit: Send inquiry\n" + goodFields
    }

    func errors(_ spec: String, files: [String: String] = [:]) throws -> [String] {
        var all = files
        all["contact.md"] = Self.contact(spec)
        let site = try TestSite(all)
        defer { site.remove() }
        return site.errors().map(\.summary)
    }

    // MARK: Validation, each at its line

    /// An unknown type that other form builders use gets the right name, and no mistakes of a type never asked for.
    @Test func aDropdownIsTakenForASelect() throws {
        let spec = "provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: role\n    label: Role\n    type: dropdown\n    options: [Actor, Director]\n"
        #expect(try errors(spec) == ["content/contact.md:9:13: unknown field type `dropdown`"])
        let site = try TestSite(["contact.md": Self.contact(spec)])
        defer { site.remove() }
        #expect(site.errors().first?.hint == "did you mean `select`?")
    }

    /// Options without their brackets are one text to YAML: one radio button labelled "Yes, No, Not sure".
    @Test func optionsWithoutBracketsAreAnError() throws {
        let spec = "provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: ok\n    label: OK?\n    type: radio\n    options: Yes, No, Not sure\n"
        let found = try errors(spec)
        #expect(found == ["content/contact.md:10:16: `options` is one piece of text here, so the field would offer a single choice"])
    }

    /// Two mistakes in one run: a field's own, and its name used twice.
    @Test func aRepeatedNameIsFoundEvenOnAFieldWithAnotherMistake() throws {
        let spec = "provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: email\n    label: A\n  - name: email\n    label: B\n    autocomplete: telephone\n"
        let found = try errors(spec)
        #expect(found == ["content/contact.md:9:13: the field name `email` is used twice; the first is on line 7",
                                     "content/contact.md:11:21: `telephone` is not an autocomplete value browsers know"])
    }

    @Test(arguments: [
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: email\n    type: emial\n    label: Email\n",
         "content/contact.md:8:13: unknown field type `emial`"),
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: email\n",
         "content/contact.md:7:7: missing `label`"),
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: Email Address\n    label: Email\n",
         "content/contact.md:7:13: the field name `Email Address` must start with a lower-case letter and use only a-z, 0-9, `_` and `-`"),
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: email\n    label: A\n  - name: email\n    label: B\n",
         "content/contact.md:9:13: the field name `email` is used twice; the first is on line 7"),
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: role\n    label: Role\n    type: select\n",
         "content/contact.md:9:13: a select field needs `options` to choose from"),
        ("provider: formspree\nfields:\n  - name: a\n    label: A\n",
         "content/contact.md:4:13: a formspree form needs an `action`: the address the service gave you"),
        ("provider: formspree\naction: http://formspree.io/f/x\nfields:\n  - name: a\n    label: A\n",
         "content/contact.md:5:11: the form's `action` must be an https address, such as https://formspree.io/f/abcd1234"),
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: a\n    label: A\n    autocomplete: e-mail\n",
         "content/contact.md:9:21: `e-mail` is not an autocomplete value browsers know"),
        ("provider: formspree\naction: https://formspree.io/f/x\nsuccess: /merci/\nfields:\n  - name: a\n    label: A\n",
         "content/contact.md:6:12: `success` must be a page of this site, such as /contact/thanks/; there is no page /merci/"),
        ("provider: carrier-pigeon\nfields:\n  - name: a\n    label: A\n",
         "content/contact.md:4:13: unknown form provider `carrier-pigeon`"),
        ("provider: formspree\naction: https://formspree.io/f/x\nfields:\n  - name: a\n    label: A\n    requierd: true\n",
         "content/contact.md:9:7: unknown key `requierd` in a form field"),
        ("provider: netlify\nfields:\n  - name: a\n    label: A\n    type: text\n    min: 3\n",
         "content/contact.md:9:12: `min` only applies to number and date fields"),
        ("provider: netlify\nfields:\n  - name: a\n    label: A\n    type: checkboxes\n    options: [x, y]\n    required: true\n",
         "content/contact.md:10:17: a `checkboxes` group cannot be required: browsers cannot check that one box is ticked without JavaScript"),
        ("provider: netlify\nfields:\n  - name: _gotcha\n    label: A\n",
         "content/contact.md:6:13: the field name `_gotcha` must start with a lower-case letter and use only a-z, 0-9, `_` and `-`"),
        ("provider: netlify\nfields:\n  - name: bot-field\n    label: A\n",
         "content/contact.md:6:13: the field name `bot-field` is reserved for the form's hidden fields"),
        ("provider: netlify\nfields:\n  - name: n\n    label: N\n    type: number\n    min: 10\n    max: 1\n",
         "content/contact.md:9:12: `min` is larger than `max`"),
        ("provider: netlify\nfields:\n  - name: r\n    label: R\n    type: radio\n    options: [a, b]\n    default: c\n",
         "content/contact.md:10:16: the default `c` is not one of the options"),
        ("provider: netlify\nfields:\n  - name: e\n    label: E\n    type: email\n    autocomplete: username\n",
         "content/contact.md:9:21: `username` cannot be used on an email field"),
        ("provider: netlify\nfields:\n  - name: d\n    label: D\n    type: date\n    min: 2026-02-30\n",
         "content/contact.md:9:12: `min` must be a real date written as YYYY-MM-DD, such as 2026-03-01"),
    ])
    func everyMistakeInTheSpecIsAnErrorAtItsLine(spec: String, expected: String) throws {
        #expect(try errors(spec).first == expected)
    }

    @Test func everyMistakeIsReportedInOneRun() throws {
        let spec = "provider: formspree\nfields:\n  - name: A\n  - name: role\n    label: Role\n    type: select\n"
        let found = try errors(spec)
        #expect(found.count == 4, "\(found)")
    }

    @Test(arguments: ["/contact/thanks/", "contact/thanks", "/privacy/"])
    func successMayBeAnyPageOfTheSite(path: String) throws {
        let spec = "provider: netlify\nsuccess: \(path)\nfields:\n  - name: a\n    label: A\n"
        #expect(try errors(spec, files: ["pages/privacy.md": "---\ntitle: Privacy\n---\nText.\n"]).isEmpty)
    }

    @Test(arguments: ["email", "name", "shipping tel", "section-a billing work email", "off", "organization", "tel webauthn"])
    func autocompleteAcceptsWHATWGTokens(value: String) {
        #expect(Autocomplete.isValid(value))
    }

    @Test(arguments: ["e-mail", "phone", "work name", "billing", "", "email name"])
    func autocompleteRejectsOtherWords(value: String) {
        #expect(!Autocomplete.isValid(value))
    }

    // MARK: The HTML

    func builtContact(provider: String, action: String?) throws -> (String, String) {
        let site = try TestSite(["contact.md": Self.contact(Self.spec(provider: provider, action: action)),
                                 "pages/privacy.md": "---\ntitle: Privacy\n---\nText.\n"])
        defer { site.remove() }
        try site.buildOK()
        return (try #require(site.read("contact/index.html")), try #require(site.read("contact/form.schema.json")))
    }

    @Test(arguments: ["formspree", "basin", "custom", "netlify"])
    func everyControlHasAVisibleLabelAndRequiredFieldsSaySo(provider: String) throws {
        let (html, _) = try builtContact(provider: provider, action: provider == "netlify" ? nil : "https://forms.example.org/f/1")
        #expect(html.contains("<form class=\"contact-form\" method=\"post\""))
        for id in ["contact-email", "contact-role", "contact-scenes", "contact-message", "contact-consent", "contact-minors.1",
                   "contact-needs.2", "contact.hp"] {
            #expect(html.contains("<label for=\"\(id)\">"), "\(id) has no label")
            #expect(html.contains("id=\"\(id)\""), "\(id) is missing")
        }
        #expect(html.contains("<label for=\"contact-email\">Email <span class=\"required\">(required)</span></label>"))
        #expect(html.contains("<input type=\"email\" id=\"contact-email\" name=\"email\" required autocomplete=\"email\" aria-describedby=\"contact-email.help\">"))
        #expect(html.contains("<p class=\"help\" id=\"contact-email.help\">I reply within two days.</p>"))
        #expect(html.contains("<legend>Are minors involved? <span class=\"required\">(required)</span></legend>"))
        #expect(html.contains("<input type=\"radio\" id=\"contact-minors.1\" name=\"minors\" value=\"Yes\" required>"))
        #expect(html.contains("<input type=\"checkbox\" id=\"contact-needs.1\" name=\"needs\" value=\"Prep\">"))
        #expect(html.contains("min=\"0\" max=\"50\""))
        #expect(html.contains("<textarea id=\"contact-message\" name=\"message\" required maxlength=\"2000\""))
        #expect(html.contains("<div class=\"hp\">"))
        #expect(html.contains("tabindex=\"-1\" autocomplete=\"off\">"))
        #expect(html.contains("<button type=\"submit\">Send inquiry</button>"))
        #expect(html.contains("<a href=\"/privacy/\">How your information is handled</a>"))
        #expect(!html.contains("<script"), "the form must work without JavaScript")
    }

    @Test func netlifyFormsCarryNetlifysAttributesAndFields() throws {
        let (html, _) = try builtContact(provider: "netlify", action: nil)
        #expect(html.contains("action=\"/contact/thanks/\" name=\"contact\" data-netlify=\"true\" data-netlify-honeypot=\"bot-field\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"form-name\" value=\"contact\">"))
        #expect(html.contains("name=\"bot-field\""))
    }

    @Test func formspreeFormsCarryTheHoneypotAndRedirect() throws {
        let (html, _) = try builtContact(provider: "formspree", action: "https://formspree.io/f/abc")
        #expect(html.contains("action=\"https://formspree.io/f/abc\" accept-charset=\"UTF-8\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"_next\" value=\"https://example.com/contact/thanks/\">"))
        #expect(html.contains("name=\"_gotcha\""))
        #expect(html.contains("Your message is sent to Formspree"))
    }

    @Test func mailtoBecomesAnEmailLinkWithTheQuestionsFilledIn() throws {
        let (html, _) = try builtContact(provider: "mailto", action: "jo@example.org")
        #expect(!html.contains("<form"))
        #expect(html.contains("href=\"mailto:jo@example.org?subject=New%20inquiry%20from%20Test%20Coordinator&amp;body=Email%20%28required%29%3A%0A"))
        #expect(html.contains("<li>Email <span class=\"required\">(required)</span>: I reply within two days.</li>"))
    }

    @Test func headingsOnTheContactPageKeepClearOfTheFormsIds() throws {
        let text = Self.contact(Self.spec(provider: "netlify", action: nil)).replacingOccurrences(of: "Write to me.", with: "## Contact email\n\nWrite.")
        let site = try TestSite(["contact.md": text])
        defer { site.remove() }
        try site.buildOK()
        let html = try #require(site.read("contact/index.html"))
        #expect(html.contains("<h2 id=\"contact-email-2\">Contact email</h2>"))
        #expect(html.components(separatedBy: "id=\"contact-email\"").count == 2)
    }

    @Test func labelsAndHelpAreEscaped() throws {
        let spec = "provider: netlify\nfields:\n  - name: a\n    label: '</label><script>alert(1)</script>'\n    help: '\"><img src=x onerror=alert(1)>'\n"
        let site = try TestSite(["contact.md": Self.contact(spec)])
        defer { site.remove() }
        try site.buildOK()
        let html = try #require(site.read("contact/index.html"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;/label&gt;&lt;script&gt;"))
    }

    @Test func theThankYouPageTakesItsWordsFromTheContactPage() throws {
        let text = "---\ntitle: Contact\nthanks:\n  title: Message received\n  message: I'll write back **soon**.\n---\nHi.\n"
        let site = try TestSite(["contact.md": text])
        defer { site.remove() }
        try site.buildOK()
        let thanks = try #require(site.read("contact/thanks/index.html"))
        #expect(thanks.contains("<h1>Message received</h1>"))
        #expect(thanks.contains("<strong>soon</strong>"))
        #expect(thanks.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    // MARK: The JSON Schema

    @Test func theSchemaDescribesEveryFieldAndNothingElse() throws {
        let (_, text) = try builtContact(provider: "netlify", action: nil)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect(schema["required"] as? [String] == ["email", "minors", "message", "consent"])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == ["email", "minors", "role", "scenes", "needs", "message", "consent", "bot-field", "form-name"])
        #expect(properties["email"]?["format"] as? String == "email")
        #expect(properties["email"]?["description"] as? String == "I reply within two days.")
        #expect(properties["minors"]?["enum"] as? [String] == ["Yes", "No", "Not sure"])
        let scenes = try #require(properties["scenes"]?["anyOf"] as? [[String: Any]])
        #expect(scenes.first?["maximum"] as? Int == 50)
        #expect(scenes.last?["const"] as? String == "")
        #expect(properties["bot-field"]?["maxLength"] as? Int == 0)
        #expect(properties["message"]?["maxLength"] as? Int == 2000)
        #expect(properties["needs"]?["type"] as? String == "array")
    }

    /// Example submissions checked by an independent validator: Python's `jsonschema`. Where it is missing the
    /// test says so and passes, unless CALLSHEET_REQUIRE_JSONSCHEMA=1 (as in CI) makes that a failure.
    @Test func exampleSubmissionsAreJudgedRightByAnIndependentValidator() throws {
        let (_, schema) = try builtContact(provider: "netlify", action: nil)
        let valid = [
            #"{"email": "a@b.org", "minors": "No", "message": "Hello", "consent": "yes", "scenes": 3, "needs": ["Prep"], "role": "Producer"}"#,
            // What a browser posts when the optional fields are left alone: empty text, no checkboxes.
            #"{"form-name": "contact", "bot-field": "", "email": "a@b.org", "role": "", "scenes": "", "minors": "Not sure", "message": "Hi", "consent": "yes"}"#,
        ]
        let invalid = [
            "missing required": #"{"email": "a@b.org", "minors": "No", "consent": "yes"}"#,
            "not an option": #"{"email": "a@b.org", "minors": "Maybe", "message": "Hi", "consent": "yes"}"#,
            "bad email": #"{"email": "not an address", "minors": "No", "message": "Hi", "consent": "yes"}"#,
            "out of range": #"{"email": "a@b.org", "minors": "No", "message": "Hi", "consent": "yes", "scenes": 51}"#,
            "unknown field": #"{"email": "a@b.org", "minors": "No", "message": "Hi", "consent": "yes", "extra": "x"}"#,
            "honeypot filled": #"{"email": "a@b.org", "minors": "No", "message": "Hi", "consent": "yes", "bot-field": "buy now"}"#,
            "too long": #"{"email": "a@b.org", "minors": "No", "message": "\#(String(repeating: "x", count: 2001))", "consent": "yes"}"#,
            "consent not given": #"{"email": "a@b.org", "minors": "No", "message": "Hi", "consent": "no"}"#,
            "wrong type": #"{"email": "a@b.org", "minors": "No", "message": "Hi", "consent": "yes", "scenes": "three"}"#,
            "repeated choice": #"{"email": "a@b.org", "minors": "No", "message": "Hi", "consent": "yes", "needs": ["Set", "Set"]}"#,
        ]
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("missing"); sys.exit(0)
        schema = json.loads(sys.argv[1])
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        for line in sys.stdin.read().splitlines():
            print("valid" if validator.is_valid(json.loads(line)) else "invalid")
        """
        let input = (valid + invalid.values).joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if output.hasPrefix("missing") {
            #expect(ProcessInfo.processInfo.environment["CALLSHEET_REQUIRE_JSONSCHEMA"] != "1", "Python's jsonschema is not installed")
            return
        }
        #expect(process.terminationStatus == 0)
        let verdicts = output.split(separator: "\n").map(String.init)
        #expect(verdicts == Array(repeating: "valid", count: valid.count) + Array(repeating: "invalid", count: invalid.count),
                "\(Array(invalid.keys))")
    }
}

@Suite struct ContactFormScaleTests {
    static func scalar(_ text: String, line: Int) -> YAMLValue {
        YAMLValue(kind: .scalar(text, isPlain: true), location: SourceLocation(path: "contact.md", line: line, column: 5))
    }

    static func mapping(_ pairs: [(String, YAMLValue)]) -> YAMLValue {
        YAMLValue(kind: .mapping(pairs.map { .init(key: $0.0, keyLocation: $0.1.location, value: $0.1) }),
                  location: pairs.first?.1.location ?? SourceLocation(path: "contact.md"))
    }

    @Test func aHundredThousandOptionsAreCheckedInLinearTime() {
        var options = (0..<100_000).map { Self.scalar("Option \($0)", line: 10 + $0) }
        options.append(Self.scalar("Option 7", line: 200_000))
        let field = Self.mapping([("name", Self.scalar("role", line: 6)), ("label", Self.scalar("Role", line: 7)),
                                  ("type", Self.scalar("select", line: 8)),
                                  ("options", YAMLValue(kind: .sequence(options), location: SourceLocation(path: "contact.md", line: 9)))])
        let spec = Self.mapping([("provider", Self.scalar("formspree", line: 3)), ("action", Self.scalar("https://formspree.io/f/x", line: 4)),
                                 ("fields", YAMLValue(kind: .sequence([field]), location: SourceLocation(path: "contact.md", line: 5)))])
        let start = ContinuousClock.now
        let (_, problems) = ContactForm.parse(spec, at: SourceLocation(path: "contact.md"), sitePaths: [], siteTitle: "T", ownerEmail: nil)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(problems.filter { $0.severity == .error }.map(\.summary) == ["contact.md:200000:5: the option `Option 7` is listed twice"])
    }
}
