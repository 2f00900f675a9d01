import Foundation

/// A horizontal bar chart as inline SVG: one bar per row with an optional interval whisker and
/// a note printed beside it (the value, the interval, P(leader)…), an axis with ticks below.
struct SVGBarChart {
    /// One bar.
    struct Bar {
        var label: String
        var value: Double
        var low: Double? = nil
        var high: Double? = nil
        /// Printed right of the plot.
        var note: String
        /// Drawn hatched-lighter, with the note saying why.
        var weak = false
        /// Drawn in the second colour: the other figure of a pair of bars (patent-cited share
        /// beside Share). Coloured inline, so that the pages' style sheet stays as it is.
        var secondary = false
    }

    var title: String
    var valueAxisLabel: String
    var bars: [Bar]
    /// Whether values are fractions shown as percentages.
    var percent: Bool
    var width = 820.0
    var labelWidth = 130.0
    var noteWidth = 340.0

    func render() -> String {
        let top = 8.0, rowHeight = 22.0
        let plotLeft = labelWidth
        let plotWidth = width - labelWidth - noteWidth - 10
        let plotHeight = rowHeight * Double(max(bars.count, 1))
        let height = top + plotHeight + 44
        let maximum = bars.map { max($0.value, $0.high ?? 0) }.max() ?? 0
        let ticks = Ticks.upTo(maximum, integers: !percent)
        let xMax = ticks.last ?? 1
        func x(_ value: Double) -> Double { plotLeft + plotWidth * max(0, value) / (xMax > 0 ? xMax : 1) }
        func label(_ value: Double) -> String { Ticks.label(value, percent: percent) }
        let f = Ticks.number

        var out = Ticks.svgOpening(width: width, height: height, title: title)
        for tick in ticks {
            out +=
                "<line class=\"grid\" x1=\"\(f(x(tick)))\" x2=\"\(f(x(tick)))\" y1=\"\(f(top))\" "
                + "y2=\"\(f(top + plotHeight))\"/><text class=\"tick\" x=\"\(f(x(tick)))\" "
                + "y=\"\(f(top + plotHeight + 14))\" text-anchor=\"middle\">\(label(tick))</text>"
        }
        out +=
            "<line class=\"axis\" x1=\"\(f(plotLeft))\" x2=\"\(f(plotLeft))\" y1=\"\(f(top))\" "
            + "y2=\"\(f(top + plotHeight))\"/><line class=\"axis\" x1=\"\(f(plotLeft))\" "
            + "x2=\"\(f(plotLeft + plotWidth))\" y1=\"\(f(top + plotHeight))\" y2=\"\(f(top + plotHeight))\"/>"
            + "<text class=\"axis-label\" x=\"\(f(plotLeft + plotWidth / 2))\" y=\"\(f(top + plotHeight + 32))\" "
            + "text-anchor=\"middle\">\(HTML.escape(valueAxisLabel))</text>"
        for (index, bar) in bars.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            let middle = rowTop + rowHeight / 2
            out +=
                "<text class=\"bar-label\" x=\"\(f(plotLeft - 6))\" y=\"\(f(middle + 4))\" text-anchor=\"end\">"
                + "\(HTML.escape(bar.label))</text>"
                + "<rect class=\"bar\(bar.weak ? " weak" : "")\""
                + (bar.secondary ? " style=\"fill:\(bar.weak ? "#a6d5d3" : "#21918c")\"" : "")
                + " x=\"\(f(plotLeft))\" y=\"\(f(rowTop + 4))\" "
                + "width=\"\(f(x(bar.value) - plotLeft))\" height=\"\(f(rowHeight - 8))\">"
                + "<title>\(HTML.escape(bar.label + ": " + bar.note))</title></rect>"
            if let low = bar.low, let high = bar.high {
                out +=
                    "<path class=\"whisker\" d=\"M\(f(x(low))) \(f(middle))H\(f(x(high)))M\(f(x(low))) "
                    + "\(f(middle - 5))V\(f(middle + 5))M\(f(x(high))) \(f(middle - 5))V\(f(middle + 5))\"/>"
            }
            out +=
                "<text class=\"bar-note\" x=\"\(f(plotLeft + plotWidth + 10))\" y=\"\(f(middle + 4))\">"
                + "\(HTML.escape(bar.note))</text>"
        }
        return out + "</svg>"
    }
}
