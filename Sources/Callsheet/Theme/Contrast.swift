/// WCAG 2 contrast between colours, and shades of a colour that are readable on given backgrounds.
public enum Contrast {
    /// What WCAG AA asks of normal-sized text.
    public static let textMinimum = 4.5

    /// The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
    public static func ratio(_ a: Color, _ b: Color) -> Double {
        let (x, y) = (a.relativeLuminance, b.relativeLuminance)
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// The lowest ratio of `color` against any of `backgrounds`, and that background.
    public static func worst(_ color: Color, on backgrounds: [Color]) -> (ratio: Double, background: Color) {
        backgrounds.map { (ratio(color, $0), $0) }.min { $0.0 < $1.0 } ?? (21, color)
    }

    /// Whether `color` as a browser shows it (rounded to `#rrggbb`) reads on every background.
    public static func passes(_ color: Color, on backgrounds: [Color], minimum: Double = textMinimum) -> Bool {
        worst(color.rounded, on: backgrounds).ratio >= minimum
    }

    /// The shade of the same hue and saturation, nearest in lightness to `color`, that reads on every
    /// background; nil when no lightness does (backgrounds both very dark and very light).
    public static func nearestPassingShade(of color: Color, on backgrounds: [Color],
                                           minimum: Double = textMinimum) -> Color? {
        let (hue, saturation, lightness) = color.hsl
        for step in 0...1000 {
            let delta = Double(step) / 1000
            for candidate in [lightness - delta, lightness + delta] where (0...1).contains(candidate) {
                let shade = Color(hue: hue, saturation: saturation, lightness: candidate).rounded
                if passes(shade, on: backgrounds, minimum: minimum) { return shade }
            }
        }
        return nil
    }

    /// The dark-mode shade of an accent: the same hue, its lightness mirrored (a deep teal becomes a
    /// pale one) and its saturation softened, which glares less on a dark page; moved lighter until it
    /// reads on every dark background.
    public static func darkShade(of accent: Color, on backgrounds: [Color]) -> Color {
        let (hue, saturation, lightness) = accent.hsl
        let mirrored = Color(hue: hue, saturation: min(saturation, 0.6), lightness: max(1 - lightness, 0.6)).rounded
        if passes(mirrored, on: backgrounds) { return mirrored }
        return nearestPassingShade(of: mirrored, on: backgrounds) ?? Color(red: 1, green: 1, blue: 1)
    }
}
