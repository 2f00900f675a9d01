import Yams

/// A YAML syntax error in words, at its line and column, for the files analysts edit
/// (technologies, groups): the parser's own description is a multi-line dump with a snippet,
/// which reads badly after `file:line:column:`.
enum YAMLSyntaxError {
    /// The line, column and problem of `error` met while parsing `yaml` (line and column are
    /// `nil` when the parser gives no position).
    static func describe(_ error: YamlError, in yaml: String) -> (line: Int?, column: Int?, problem: String) {
        func withContext(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "not valid YAML: \(problem)" }
            return
                "not valid YAML: \(problem) (\(context.text) at line \(context.mark.line), "
                + "column \(context.mark.column))"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return (mark.line, mark.column, withContext(problem, context))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return (context.mark.line, context.mark.column, "the key \(keys) appears twice in one mapping")
        case let .reader(problem, offset, _, _):
            guard let offset else { return (nil, nil, "not valid YAML: \(problem)") }
            // The reader's offset counts bytes; columns count characters, as an editor does.
            let before = yaml.utf8.prefix(offset)
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineBytes = Array(before.reversed().prefix { $0 != UInt8(ascii: "\n") }.reversed())
            return (line, String(decoding: lineBytes, as: UTF8.self).count + 1, "not valid YAML: \(problem)")
        default:
            return (nil, nil, "not valid YAML: \(error)")
        }
    }
}
