/// A plain-text table for the terminal: a header row, a rule, then rows; numbers right-aligned.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable { case left, right }

    /// Column headers.
    public let headers: [String]
    /// Per-column alignment.
    public let alignments: [Alignment]
    /// Rows of cells (each as many as there are headers).
    public private(set) var rows: [[String]] = []

    /// Makes an empty table; alignments default to left for the first column, right after.
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        rows.append(headers.indices.map { $0 < cells.count ? cells[$0] : "" })
    }

    /// The table as lines of text.
    public func render(indent: String = "  ") -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
