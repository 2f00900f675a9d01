import Foundation

/// A line chart as inline SVG: one line per series over labelled x positions, y from 0, axes
/// with ticks and labels, a legend; every point carries its value as a tooltip.
struct SVGLineChart {
    /// One line.
    struct Series {
        var name: String
        var values: [Double?]
    }

    /// The chart's accessible title.
    var title: String
    /// The x positions' labels (windows).
    var xLabels: [String]
    var xAxisLabel: String
    var yAxisLabel: String
    var series: [Series]
    /// Whether values are fractions shown as percentages.
    var percent: Bool
    var width = 680.0
    var plotHeight = 220.0
    /// The x positions drawn over a shaded band (windows whose figures are incomplete), with
    /// `shadedLabel` written in the band and added to the tooltips of its points. Coloured
    /// inline, so that the pages' style sheet stays as it is.
    var shaded: [Bool] = []
    var shadedLabel = ""

    func render() -> String {
        let left = 64.0, right = 20.0, top = 16.0
        let plotWidth = width - left - right
        // As many legend columns as the longest name leaves room for (about 6.5 px a character
        // at the legend's size), so that long names (categories) never overlap.
        let longest = Double(series.map(\.name.count).max() ?? 0)
        let legendColumns = max(1, min(4, Int(plotWidth / (27 + longest * 6.5 + 12))))
        let legendRows = (series.count + legendColumns - 1) / legendColumns
        let height = top + plotHeight + 52 + Double(legendRows) * 18
        let maximum = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let ticks = Ticks.upTo(maximum, integers: !percent)
        let yMax = ticks.last ?? 1
        func x(_ index: Int) -> Double {
            xLabels.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(xLabels.count - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / (yMax > 0 ? yMax : 1)) }
        func label(_ value: Double) -> String { Ticks.label(value, percent: percent) }
        let f = Ticks.number

        var out = Ticks.svgOpening(width: width, height: height, title: title)
        out += shading(x: x, top: top, plotHeight: plotHeight, left: left, right: left + plotWidth)
        // Grid and y axis.
        for tick in ticks {
            out +=
                "<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(y(tick)))\" "
                + "y2=\"\(f(y(tick)))\"/><text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" "
                + "text-anchor=\"end\">\(label(tick))</text>"
        }
        out +=
            "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotHeight))\"/>"
            + "<line class=\"axis\" x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(top + plotHeight))\" "
            + "y2=\"\(f(top + plotHeight))\"/>"
        // X ticks: at most about 10 labels.
        let every = max(1, (xLabels.count + 9) / 10)
        for (index, text) in xLabels.enumerated() where index % every == 0 || index == xLabels.count - 1 {
            out +=
                "<line class=\"axis\" x1=\"\(f(x(index)))\" x2=\"\(f(x(index)))\" y1=\"\(f(top + plotHeight))\" "
                + "y2=\"\(f(top + plotHeight + 4))\"/><text class=\"tick\" x=\"\(f(x(index)))\" "
                + "y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(HTML.escape(text))</text>"
        }
        out +=
            "<text class=\"axis-label\" x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight + 34))\" "
            + "text-anchor=\"middle\">\(HTML.escape(xAxisLabel))</text>"
            + "<text class=\"axis-label\" transform=\"translate(14 \(f(top + plotHeight / 2))) rotate(-90)\" "
            + "text-anchor=\"middle\">\(HTML.escape(yAxisLabel))</text>"
        // Lines and points.
        for (number, line) in series.enumerated() {
            let color = SeriesStyle.color(number)
            var segments: [[(Double, Double)]] = [[]]
            for (index, value) in line.values.enumerated() {
                if let value { segments[segments.count - 1].append((x(index), y(value))) } else { segments.append([]) }
            }
            let dash = SeriesStyle.dash(number)
            for segment in segments where segment.count > 1 {
                out +=
                    "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\""
                    + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " points=\""
                    + segment.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
            }
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                let text =
                    "\(line.name), \(index < xLabels.count ? xLabels[index] : ""): \(label(value))"
                    + (index < shaded.count && shaded[index] ? " (\(shadedLabel))" : "")
                out +=
                    "<circle cx=\"\(f(x(index)))\" cy=\"\(f(y(value)))\" r=\"3\" fill=\"\(color)\">"
                    + "<title>\(HTML.escape(text))</title></circle>"
            }
        }
        // Legend.
        let legendTop = top + plotHeight + 50
        let columnWidth = plotWidth / Double(legendColumns)
        for (number, line) in series.enumerated() {
            let lx = left + Double(number % legendColumns) * columnWidth
            let ly = legendTop + Double(number / legendColumns) * 18
            let dash = SeriesStyle.dash(number)
            out +=
                "<line x1=\"\(f(lx))\" x2=\"\(f(lx + 22))\" y1=\"\(f(ly - 4))\" y2=\"\(f(ly - 4))\" "
                + "stroke=\"\(SeriesStyle.color(number))\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
                + "<text class=\"legend\" x=\"\(f(lx + 27))\" y=\"\(f(ly))\">\(HTML.escape(line.name))</text>"
        }
        return out + "</svg>"
    }

    /// The bands behind the shaded x positions: each run of them from half a step before its
    /// first position to half a step after its last, within the plot.
    private func shading(
        x: (Int) -> Double, top: Double, plotHeight: Double, left: Double, right: Double
    ) -> String {
        let f = Ticks.number
        let half = xLabels.count > 1 ? (x(1) - x(0)) / 2 : (right - left) / 2
        var out = ""
        var index = 0
        while index < min(shaded.count, xLabels.count) {
            guard shaded[index] else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < min(shaded.count, xLabels.count) && shaded[last + 1] { last += 1 }
            let from = max(left, x(index) - half), to = min(right, x(last) + half)
            out +=
                "<rect x=\"\(f(from))\" y=\"\(f(top))\" width=\"\(f(to - from))\" height=\"\(f(plotHeight))\" "
                + "style=\"fill:#f6ecd2\"><title>\(HTML.escape(shadedLabel))</title></rect>"
                + "<text class=\"tick\" x=\"\(f(to - 3))\" y=\"\(f(top + 11))\" text-anchor=\"end\">"
                + "\(HTML.escape(shadedLabel))</text>"
            index = last + 1
        }
        return out
    }
}
