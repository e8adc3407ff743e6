/// A site in several languages renders each language with its own settings, pages, menu, testimonials
/// and contact form; the output is one folder, the default language at its root.
extension SiteBuilder {
    /// What one language renders with.
    struct LanguageRendering {
        var renderers: [String: PageRenderer] = [:]
        /// Each language's form, for its `form.schema.json`.
        var forms: [(language: String, form: ContactForm)] = []
        var problems: [Diagnostic] = []
        var anchors: [AnchorReference] = []
        /// Every page's versions in the other languages.
        var versions = LanguageVersions(pages: [], languages: [])
    }

    static func languageRendering(content: SiteContent, templates: TemplateSet, strings: StringTable,
                                  resolver: LinkResolver, images: SiteImages, refused: Set<String> = []) -> LanguageRendering {
        var result = LanguageRendering()
        let versions = LanguageVersions(pages: content.pages, languages: content.config.allLanguages)
        result.versions = versions
        var defaultFields: [String]?
        // Files left out for their own mistakes (reported at them): the menu does not also call its entry for one wrong.
        let leftOut = Set(content.fileReads.filter { $0.value.page == nil }.keys).union(refused)
        for code in content.config.allLanguages {
            let config = content.config.localized(to: code)
            let pages = content.pages.filter { $0.language == code }
            let (menu, menuProblems) = NavMenu.resolve(config, pages: pages, leftOut: leftOut) { kind in
                kind.declaration.menuLabel == nil ? nil : strings.text("nav_\(kind.rawValue)", in: code)
            }
            let (testimonials, testimonialProblems, anchors) =
                TestimonialList.rendered(pages.first { $0.kind == .testimonials }, config: config, resolver: resolver)
            result.problems += menuProblems + testimonialProblems
            result.anchors += anchors
            let (parsed, formProblems) = contactForm(pages: pages, config: config, sitePaths: Set(content.pages.map(\.sitePath)))
            result.problems += formProblems
            var form = parsed ?? nil
            if var spec = form, let contact = pages.first(where: { $0.kind == .contact }) {
                let yaml = contact.details(ContactDetails.self)?.form
                if yaml?["submit"] == nil { spec.submitLabel = strings.text("form_send", in: code) }
                if yaml?["subject"] == nil { spec.subject = strings.text("form_subject", in: code, ["site": config.title]) }
                if yaml?["success"] == nil { spec.success = config.folder(of: code) + spec.success }
                let names = spec.fields.map(\.name)
                if let defaultFields, names != defaultFields {
                    result.problems.append(.error("this form's fields differ from those of `\(contact.original ?? "contact.md")`",
                                                  at: yaml?.location ?? contact.sourcePath.map { SourceLocation(path: $0, line: 0) },
                                                  hint: "keep the same field names (\(defaultFields.joined(separator: ", "))) in the same order, so one form backend takes every language; translate only labels, help and options"))
                }
                defaultFields = defaultFields ?? names
                form = spec
                result.forms.append((code, spec))
            }
            let context = TemplateContext(config: config, pages: pages, menu: menu, testimonials: testimonials,
                                          strings: strings, versions: versions)
            result.renderers[code] = PageRenderer(config: config, templates: templates, resolver: resolver, context: context,
                                                  form: form, images: images)
        }
        return result
    }

    /// Each language's `form.schema.json`, with that language's titles and descriptions.
    static func formSchemas(_ forms: [(language: String, form: ContactForm)], config: SiteConfig,
                            strings: StringTable) -> [String: String] {
        var files: [String: String] = [:]
        for (code, form) in forms {
            let localized = config.localized(to: code)
            let path = config.folder(of: code) + ContactForm.schemaPath
            let schema = form.jsonSchema(id: config.baseURL.absolute(path), title: strings.text("form_schema_title", in: code),
                                         description: strings.text("form_schema_description", in: code, ["site": localized.title]))
            files[path] = schema.serialized(indent: 2) + "\n"
        }
        return files
    }
}
