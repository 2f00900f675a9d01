import TechTrackerCore

/// Readers for a work's list-valued fields: `counts_by_year`, `keywords`/`topics`/`concepts`,
/// `referenced_works` and `abstract_inverted_index`.
///
/// Each accepts `null` for the whole list and for an item (both read as "nothing"); an item
/// of the wrong JSON type is a field problem that rejects the work.
extension OpenAlexTextReader {
    /// `counts_by_year[]`: `{year, cited_by_count}` objects. Items without a year are dropped;
    /// a missing count is 0; a year or count outside `OpenAlexLimits` is a field problem.
    mutating func readCountsByYear() throws(JSONError) -> [YearCount] {
        var counts: [YearCount] = []
        guard try nextValueOpens(UInt8(ascii: "["), field: "counts_by_year"),
            try scanner.beginArray()
        else { return counts }
        repeat {
            guard try nextValueOpens(UInt8(ascii: "{"), field: "counts_by_year[]") else { continue }
            var year: Int?
            var count = 0
            var nextKey = try scanner.beginObject()
            while let key = nextKey {
                if scanner.span(key, equals: "year") {
                    year = try readInt(
                        field: "counts_by_year[].year",
                        within: OpenAlexLimits.earliestYear...OpenAlexLimits.latestYear)
                } else if scanner.span(key, equals: "cited_by_count") {
                    count =
                        try readInt(
                            field: "counts_by_year[].cited_by_count",
                            within: 0...OpenAlexLimits.maximumCitationCount) ?? 0
                } else {
                    try scanner.skipValue()
                }
                nextKey = try scanner.nextKey()
            }
            if let year { counts.append(YearCount(year: year, count: count)) }
        } while try scanner.nextElement()
        return counts
    }

    /// The `display_name` of each object in a list (`keywords`, `topics`, `concepts`), in order.
    /// Objects whose name is null or missing are dropped.
    mutating func readDisplayNames(field: StaticString) throws(JSONError) -> [String] {
        var names: [String] = []
        guard try nextValueOpens(UInt8(ascii: "["), field: field),
            try scanner.beginArray()
        else { return names }
        repeat {
            guard try nextValueOpens(UInt8(ascii: "{"), field: field) else { continue }
            var nextKey = try scanner.beginObject()
            while let key = nextKey {
                if scanner.span(key, equals: "display_name") {
                    if let name = try readString(field: field) { names.append(name) }
                } else {
                    try scanner.skipValue()
                }
                nextKey = try scanner.nextKey()
            }
        } while try scanner.nextElement()
        return names
    }

    /// `referenced_works[]` as short ids. Strings that are not OpenAlex work ids are dropped
    /// (a citation we cannot resolve is no citation); non-strings are a field problem, and so
    /// are more than `OpenAlexLimits.maximumReferencedWorks` items.
    mutating func readReferencedWorks() throws(JSONError) -> [String] {
        var references: [String] = []
        _ = try scanner.peekValueStart()
        let listStart = scanner.position
        guard try nextValueOpens(UInt8(ascii: "["), field: "referenced_works"),
            try scanner.beginArray()
        else { return references }
        var count = 0
        repeat {
            count += 1
            guard
                keepsItem(
                    count, limit: OpenAlexLimits.maximumReferencedWorks, field: "referenced_works",
                    listStart: listStart)
            else {
                try scanner.skipValue()
                continue
            }
            if let span = try readStringSpan(field: "referenced_works[]"),
                let id = withBytes(of: span, OpenAlexIdentifiers.workID)
            {
                references.append(id)
            }
        } while try scanner.nextElement()
        return references
    }

    /// Rebuilds the abstract from the inverted index object that comes next.
    ///
    /// Positions that are not integers in 0...100_000 are ignored, not fatal: the abstract is
    /// a convenience and one odd position should not cost the whole work.
    mutating func readInvertedIndex() throws(JSONError) -> String {
        // Move the builder into a local for the loop (swapped, so its buffers stay uniquely
        // referenced and are never copied) and put it back, with its capacity, at the end.
        var builder = scratch.abstract
        scratch.abstract = InvertedIndexAbstractBuilder()
        defer { scratch.abstract = builder }
        builder.reset()

        var nextKey = try scanner.beginObject()
        while let word = nextKey {
            let wordIndex = builder.addWord(word, from: scanner)
            if try nextValueOpens(UInt8(ascii: "["), field: "abstract_inverted_index"),
                try scanner.beginArray()
            {
                repeat {
                    let byte = try scanner.peekValueStart()
                    if byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                        if case .integer(let position) = try scanner.scanNumber() {
                            builder.place(word: wordIndex, at: position)
                        }
                    } else {
                        try scanner.skipValue()
                    }
                } while try scanner.nextElement()
            }
            nextKey = try scanner.nextKey()
        }
        return builder.makeText()
    }
}
