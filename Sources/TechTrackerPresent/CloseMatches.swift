/// What a mistyped name (a technology id, a country code, a work type) was probably meant to
/// be, so that a refusal can say "close matches: …" instead of leaving the user to guess.
public enum CloseMatches {
    /// Characters of the input compared: a pasted paragraph must not cost seconds of edit
    /// distance, and no real id is longer.
    static let comparedLength = 100

    /// Up to `limit` of `candidates` close to `input`, closest first (then by name): those
    /// equal ignoring case, those that start with the input or that the input starts with (both
    /// at least 3 characters: `quantum` → `quantum-computing`, `quantum-computingg` →
    /// `quantum-computing`), and those within a small edit distance (one edit per three
    /// characters, at least one, at most three).
    public static func find(_ input: String, among candidates: [String], limit: Int = 5) -> [String] {
        let typed = Array(input.lowercased().prefix(comparedLength))
        guard !typed.isEmpty, limit > 0 else { return [] }
        let allowed = min(3, max(1, typed.count / 3))
        var scored: [(score: Int, candidate: String)] = []
        for candidate in Set(candidates) {
            let known = Array(candidate.lowercased().prefix(comparedLength))
            guard !known.isEmpty else { continue }
            if known == typed {
                scored.append((0, candidate))
            } else if typed.count >= 3, known.starts(with: typed) || (known.count >= 3 && typed.starts(with: known)) {
                scored.append((1, candidate))
            } else if let edits = distance(typed, known, atMost: allowed) {
                scored.append((1 + edits, candidate))
            }
        }
        return scored.sorted { ($0.score, $0.candidate) < ($1.score, $1.candidate) }.prefix(limit).map(\.candidate)
    }

    /// "close matches: a, b" when there are some; otherwise the known names ("known: a, b, …
    /// (74 in all)"), at most `listed` of them, so that the message stays short with a large
    /// taxonomy.
    public static func hint(for input: String, among candidates: [String], listed: Int = 20) -> String {
        let close = find(input, among: candidates)
        if !close.isEmpty { return "close matches: " + close.joined(separator: ", ") }
        let sorted = Array(Set(candidates)).sorted()
        guard !sorted.isEmpty else { return "there are none" }
        let shown = sorted.prefix(listed).joined(separator: ", ")
        return "known: " + shown + (sorted.count > listed ? ", … (\(sorted.count) in all)" : "")
    }

    /// Levenshtein distance between `a` and `b` when it is at most `limit`, else `nil`; rows
    /// stop early once every entry exceeds the limit.
    static func distance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }
}
