/// A failure with a message for the user (exit code 1): the run could not do its work (no
/// figures to report, a file that cannot be written, a store that cannot be opened).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Input the user must correct (a malformed query, an unknown technology, a bad taxonomy
/// file), found while running: exit code 2, like a usage error, without the usage text.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
