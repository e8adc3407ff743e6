/// `build-site new site DIR`: a starter site that builds and passes `check` as it is, with a note on
/// every setting and `Replace this:` wherever the coordinator's own words belong.
extension Scaffold {
    /// Every file of the starter site, as paths inside its folder. It has no `templates/`: the built-in
    /// theme is used until `build-site new theme` copies it out.
    public static func site() -> [(path: String, text: String)] {
        let service = Scaffold.service(title: "Intimacy coordination", order: 1)
        return [
            ("content/site.yml", siteYML),
            ("content/index.md", starterPage("Home", "who you are and what you do, in one sentence for search engines.", """
            \(placeholderMarker) say who you are, where you work, and what you do for productions, in two or three short paragraphs.

            Read [about me](about.md), see [what I offer](\(service.path)), find answers in [the FAQ](faq.md), or [get in touch](contact.md).
            """)),
            ("content/about.md", starterPage("About", "your training and experience, in one sentence for search engines.", """
            \(placeholderMarker) your bio: your training, the productions you have worked on, and how you work with casts and crews.
            """, extra: """
            # Optional: a photo of you in media/, and what it shows for people who cannot see it.
            # photo: media/portrait.jpg
            # photo_alt: Smiling in a rehearsal room.

            """)),
            ("content/faq.md", starterPage("Frequently Asked Questions", "the questions productions and performers ask you, answered.", """
            \(placeholderMarker) a few words to introduce the questions below. Each `##` heading is a question; the text under it is its answer.

            ## What does an intimacy coordinator do?

            \(placeholderMarker) answer in your own words, in a few sentences or a list.

            ## When should a production hire an intimacy coordinator?

            \(placeholderMarker) answer in your own words, in a few sentences or a list.
            """)),
            ("content/" + service.path, service.text),
            ("content/contact.md", starterPage("Contact", "how to reach you and how soon you reply, in one sentence.", """
            \(placeholderMarker) what to tell you about a production (dates, location, the scenes involved) and how soon you reply.
            """, extra: contactForm)),
            ("content/pages/privacy.md", starterPage("Privacy", "what this website collects and what happens to the messages people send.", privacyText)),
            (".gitignore", "# What build-site writes: never edit or commit it.\n/public/\n.public.callsheet-*\n"),
        ]
    }

    /// A page with a title, a placeholder description, optional further front matter and a body.
    static func starterPage(_ title: String, _ description: String, _ body: String, extra: String = "") -> String {
        """
        ---
        title: \(yamlQuoted(title))
        # What search engines show: one sentence of 50 to 160 characters.
        description: \(yamlQuoted("\(placeholderMarker) \(description)"))
        \(extra)---
        \(body)

        """
    }

    static let siteYML = """
    # The site's settings. Text after a `#` is a note for you; the build ignores it.

    # The site's name, shown in the header of every page, the browser tab and search results.
    title: "\(placeholderMarker) the site's name"
    # One sentence under the title on the home page.
    tagline: "\(placeholderMarker) intimacy coordination for film, television and theatre, and where you work."
    # The address the site will live at, ending in `/`. \(placeholderMarker) for GitHub Pages it is
    # https://YOUR-USER-NAME.github.io/YOUR-REPOSITORY/ (or your own domain).
    base_url: https://example.com/
    # The language the pages are written in: en, es, fr, de, pt...
    language: en
    # You, as visitors and search engines see you.
    owner:
      # Your name as it should be shown.
      name: "\(placeholderMarker) your name"
      # What you do, in a few words.
      role: Intimacy Coordinator
      # Where you are based, such as a city and region.
      location: "\(placeholderMarker) your city and region"
      # \(placeholderMarker) your email address. The contact page writes to it.
      email: you@example.com
      # Optional: your pronouns, shown with your name.
      # pronouns: she/her
      # Optional: your profiles elsewhere, linked from every page.
      # links:
      #   - label: LinkedIn
      #     url: https://www.linkedin.com/in/your-name/
    # How Markdown is read.
    markdown:
      # false leaves out raw HTML written in the Markdown files; keep it so unless you need HTML.
      unsafe: false

    """

    static let contactForm = """
    # The contact form. `mailto` opens the visitor's own email program, addressed to `owner: email:` in
    # site.yml, with the answers below already written out. For a form service such as Formspree or
    # Netlify, see the contact form guide (docs/contact-form.md in Callsheet).
    form:
      provider: mailto
      # The button's text.
      submit: Write to me
      # The questions, in order: each needs a `name` (lower case, no spaces) and a `label`.
      fields:
        - name: name
          label: Your name
          required: true
          autocomplete: name
        - name: production
          label: Production title
          help: A working title is fine.
        - name: dates
          label: Shoot or rehearsal dates
          help: Approximate is fine.

    """

    static let privacyText = """
    This notice says what this website collects and what happens to the messages people send.

    ## No cookies, no tracking

    This site sets no cookies and uses no analytics, advertising, or scripts and fonts from other companies. \(placeholderMarker) name the company that hosts the site (such as GitHub Pages or Netlify): it may keep ordinary server logs for security.

    ## Messages

    The [contact page](../contact.md) opens your own email program; nothing is sent until you send the email yourself. \(placeholderMarker) say how long you keep messages and how people can ask you to delete them.
    """
}
