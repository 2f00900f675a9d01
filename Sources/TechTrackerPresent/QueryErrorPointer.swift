public import TechTrackerClassify

/// A caret under the column of a query syntax error, for the line under the quoted query.
public enum QueryErrorPointer {
    /// Spaces up to the error's column, then `^`; empty when the error has no column.
    public static func caret(for error: QuerySyntaxError) -> String {
        guard let column = error.column, column >= 1 else { return "" }
        return String(repeating: " ", count: column - 1) + "^"
    }
}
