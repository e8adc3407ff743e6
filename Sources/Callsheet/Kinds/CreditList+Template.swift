/// One credit as templates receive it; `role` defaults to the owner's.
struct CreditItem: Encodable {
    let title: String
    let year: String
    let kind: String?
    let company: String?
    let role: String?
    let url: String?
    /// The role and the company, joined: `Intimacy coordinator · Northlight Pictures`.
    let meta: String?

    init(_ credit: Credit, config: SiteConfig) {
        let text = config.markdown.smartPunctuation ? Typography.smart : { $0 }
        title = text(credit.title)
        year = credit.year
        kind = credit.kind.map(text)
        company = credit.company.map(text)
        role = (credit.role ?? config.owner.role).map(text)
        url = credit.url
        let parts = [role, company].compactMap { $0 }
        meta = parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

/// The credits page's keys: `credits.groups`, each `{kind, credits}`, newest first.
struct CreditsData: Encodable {
    struct Credits: Encodable {
        let groups: [Group]
        let count: Int
    }

    struct Group: Encodable {
        let kind: String?
        let id: String?
        let credits: [CreditItem]
    }

    let credits: Credits

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let list = rendering.page.details(CreditList.self) ?? CreditList()
        let config = rendering.config
        var ids = rendering.ids
        let groups = list.groups.map { group in
            Group(kind: group.kind, id: group.kind.map { ids.claim(Slug.anchor(from: $0)) },
                  credits: group.credits.map { CreditItem($0, config: config) })
        }
        rendering.ids = ids
        return CreditsData(credits: Credits(groups: groups, count: list.credits.count))
    }
}
