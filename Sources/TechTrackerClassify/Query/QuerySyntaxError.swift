/// Why a query could not be parsed, and where.
///
/// The message is a complete sentence fragment naming the 1-based column (counted in
/// characters), e.g. `expected ')' at column 37` or `unterminated phrase starting at column 5`.
/// `empty query` is the one message without a column.
public struct QuerySyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The full message, column included.
    var message: String
    /// The 1-based column the message points at; nil for an empty query.
    public var column: Int?

    /// Makes an error with a message that already names its column.
    init(_ message: String, column: Int?) {
        self.message = message
        self.column = column
    }

    /// An error whose message ends with ` at column N`.
    static func at(_ column: Int, _ reason: String) -> QuerySyntaxError {
        QuerySyntaxError("\(reason) at column \(column)", column: column)
    }

    /// The message.
    public var description: String { message }
}
