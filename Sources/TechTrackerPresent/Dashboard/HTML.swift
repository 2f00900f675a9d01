import Foundation

/// Small HTML helpers shared by the dashboard's pages: escaping, number formats, tables, badges.
public enum HTML {
    /// `text` safe inside element content and quoted attributes: `& < > " '` escaped. Public
    /// for the server's own error pages, which quote what a client sent.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `0.1234` → `12.3%`.
    static func percent(_ value: Double?, digits: Int = 1) -> String {
        value.map { NumberFormatting.percent($0, digits: digits) } ?? "–"
    }

    /// `[12.5–25.0%]`, or an empty string without an interval.
    static func interval(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high else { return "" }
        return "[" + String(format: "%.1f", low * 100) + "–" + NumberFormatting.percent(high) + "]"
    }

    /// A probability with two decimals, `–` when missing.
    static func probability(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "–"
    }

    /// A lead ratio: two decimals, `∞` when nothing is behind.
    static func ratio(_ value: Double?) -> String {
        value.map { $0.isFinite ? String(format: "%.2f", $0) : "∞" } ?? "–"
    }

    /// The monopoly-risk badge: the word says it, the colour only repeats it.
    static func riskBadge(_ tmr: String) -> String {
        let level = ["high", "medium", "low"].contains(tmr) ? tmr : "unknown"
        return "<span class=\"risk risk-\(level)\">\(escape(tmr)) risk</span>"
    }

    /// The low-evidence marker.
    static let lowEvidence = "<span class=\"low\" title=\"fewer than 100 works or P_top below 5\">low evidence</span>"

    /// The tie marker.
    static let tie = "<span class=\"tie\">tie</span>"

    /// A link with escaped target and text.
    static func link(_ href: String, _ text: String, current: Bool = false) -> String {
        "<a href=\"\(escape(href))\"\(current ? " aria-current=\"page\"" : "")>\(escape(text))</a>"
    }

    /// A table: `headers` are plain text (escaped here), `rows` are HTML cells already escaped;
    /// the first cell of each row is a row header. `sortable` adds the click-to-sort class.
    static func table(
        caption: String, headers: [String], rows: [[String]], sortable: Bool = true, numeric: Set<Int> = []
    ) -> String {
        var out = "<table\(sortable ? " class=\"sortable\"" : "")><caption>\(escape(caption))</caption><thead><tr>"
        for (index, header) in headers.enumerated() {
            out += "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(escape(header))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let numericClass = numeric.contains(index) ? " class=\"num\"" : ""
                out += index == 0 ? "<th scope=\"row\">\(cell)</th>" : "<td\(numericClass)>\(cell)</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// One CSV line: fields with a comma, quote or line break are quoted.
    static func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    /// A CSV document: header and rows, each line ended by a line feed.
    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { csvLine($0) + "\n" }.joined()
    }

    /// A number at full precision for CSV; empty when missing.
    static func csvNumber(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.isFinite ? String(value) : (value > 0 ? "inf" : "-inf")
    }
}

/// The viridis-like sequential palette (colour-blind safe, readable in greyscale).
enum Viridis {
    private static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// The colour of `t` in 0...1 as `#rrggbb`.
    static func color(_ t: Double) -> String {
        let t = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let index = min(Int(t), stops.count - 2)
        let f = t - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        let channels = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
        return "#" + channels.map { String(format: "%02x", Int($0.rounded())) }.joined()
    }

    /// Text colour readable on `color(t)`.
    static func textColor(_ t: Double) -> String { t < 0.6 ? "#ffffff" : "#000000" }
}

/// Colours and dash patterns of chart series: Okabe–Ito, distinguishable with colour-blindness,
/// and the dash pattern differs too so that lines are told apart without colour.
enum SeriesStyle {
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 6"]

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
}

/// Axis ticks at round values.
enum Ticks {
    /// A tick's label: `12.5%` for fractions shown as percentages, else the number.
    static func label(_ value: Double, percent: Bool) -> String {
        percent ? number(value * 100) + "%" : number(value)
    }

    /// The opening `<svg>` of a chart: the view box, `role="img"`, the `aria-label` and `<title>`
    /// screen readers announce.
    static func svgOpening(width: Double, height: Double, title: String) -> String {
        "<svg role=\"img\" class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "aria-label=\"\(HTML.escape(title))\"><title>\(HTML.escape(title))</title>"
    }

    /// Ticks from 0 to at least `maximum`, 3–6 of them, at 1, 2 or 5 × 10^k steps (whole
    /// steps for counts).
    static func upTo(_ maximum: Double, integers: Bool = false) -> [Double] {
        let maximum = maximum > 0 && maximum.isFinite ? maximum : 1
        let rough = maximum / 4
        let magnitude = pow(10, floor(log10(rough)))
        let nice = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        let step = integers ? max(nice.rounded(.up), 1) : nice
        var ticks: [Double] = []
        var value = 0.0
        while value < maximum + step * 0.999 && ticks.count < 12 {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    /// `12.5` → `12.5`, `10` → `10`: a coordinate or tick value compactly.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
