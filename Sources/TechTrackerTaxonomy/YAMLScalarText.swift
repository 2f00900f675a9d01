import Yams

/// The text of a YAML scalar in the files analysts edit (technologies, groups), read the same
/// way by both readers.
enum YAMLScalarText {
    /// The scalar's text exactly as written (no YAML 1.1 booleans or numbers), or `nil` for
    /// YAML's empty values written plain (`key:` with nothing after it, `~`, `null`).
    static func text(of scalar: Node.Scalar) -> String? {
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }
}
