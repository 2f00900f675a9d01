import TechTrackerCore

/// A work being read: the fields that map straight into `Work`, plus what can only be
/// settled once the whole object has been seen (title fallback, abstract choice, id checks).
struct WorkDraft {
    /// What the record's `id` turned out to be.
    enum ID {
        /// No `id` key at all.
        case missing
        /// `id` is null or empty.
        case empty
        /// `id` is present but not an OpenAlex work id (the text, when it was a string).
        case invalid(String?)
        /// A valid short work id.
        case valid(String)
    }

    /// Fields read directly; `id`, `title`, `topics`, `abstract` and `source` are completed
    /// by `finish`.
    var work = Work(id: "")
    /// The record's id, checked.
    var id = ID.missing
    /// `title`, when a string.
    var title: String?
    /// The `display_name` span, decoded only if the title turns out to be null.
    var displayName: JSONStringSpan?
    /// `concepts[].display_name`, appended to the topics at the end (topics come first).
    var concepts: [String] = []
    /// The abstract rebuilt from `abstract_inverted_index`, when that is an object.
    var abstract: String?
    /// The abstract rebuilt from `abstract_inverted_index_v3`, used only without the former.
    var abstractV3: String?
    /// `"synthetic": true`: written by the project's synthetic-corpus generator.
    var isSynthetic = false
    /// Where the items of this top-level object's `results` array begin in the outcomes, when
    /// it had one (read before any work id): it is an API page unless a work id follows.
    var resultsOutcomesStart: Int?
    /// The first error of a `results` item that was stepped over.
    var resultsError: JSONError?
}

extension WorkDraft {
    /// Whether a valid work id has been read.
    var hasWorkID: Bool {
        if case .valid = id { return true }
        return false
    }
}

/// The work keys the reader acts on; everything else is skipped.
private enum WorkKey {
    case id, doi, title, displayName, publicationYear, type, language, isRetracted
    case citedByCount, updatedDate, countsByYear, abstract, abstractV3
    case keywords, topics, concepts, referencedWorks, authorships, synthetic, results, other
}

extension OpenAlexTextReader {
    /// Reads the work object that comes next. With `topLevel`, a `results` array met before
    /// any work id is read as the items of an API page.
    mutating func readWork(topLevel: Bool) throws(JSONError) -> WorkDraft {
        var draft = WorkDraft()
        problem = nil
        currentWorkID = nil
        var nextKey = try scanner.beginObject()
        while let key = nextKey {
            switch workKey(key) {
            case .id:
                try readID(into: &draft)
                // A top-level object with a work id is a work: damage later condemns it whole.
                if topLevel, case .valid = draft.id { listProgress = nil }
            case .doi:
                if let span = try readStringSpan(field: "doi") {
                    draft.work.doi = withBytes(of: span, OpenAlexIdentifiers.doi)
                }
            case .title: draft.title = try readString(field: "title")
            case .displayName: draft.displayName = try readStringSpan(field: "display_name")
            case .publicationYear:
                draft.work.publicationYear = try readInt(
                    field: "publication_year", within: OpenAlexLimits.earliestYear...OpenAlexLimits.latestYear)
            case .type: draft.work.type = try readString(field: "type") ?? ""
            case .language: draft.work.language = try readString(field: "language")
            case .isRetracted: draft.work.isRetracted = try readBool(field: "is_retracted") ?? false
            case .citedByCount:
                draft.work.citedByCount =
                    try readInt(
                        field: "cited_by_count",
                        within: 0...OpenAlexLimits.maximumCitationCount) ?? 0
            case .updatedDate: draft.work.updatedDate = try readUpdatedDate()
            case .countsByYear: draft.work.countsByYear = try readCountsByYear()
            case .abstract:
                if try nextValueOpens(UInt8(ascii: "{"), field: "abstract_inverted_index") {
                    draft.abstract = try readInvertedIndex()
                }
            case .abstractV3:
                // Only needed when the main index is absent; skip it unread when we have that.
                if draft.abstract != nil {
                    try scanner.skipValue()
                } else if try nextValueOpens(UInt8(ascii: "{"), field: "abstract_inverted_index_v3") {
                    draft.abstractV3 = try readInvertedIndex()
                }
            case .keywords: draft.work.keywords = try readDisplayNames(field: "keywords")
            case .topics: draft.work.topics = try readDisplayNames(field: "topics")
            case .concepts: draft.concepts = try readDisplayNames(field: "concepts")
            case .referencedWorks: draft.work.referencedWorks = try readReferencedWorks()
            case .authorships: draft.work.authorships = try readAuthorships()
            case .synthetic: draft.isSynthetic = try readBool(field: "synthetic") ?? false
            case .results:
                if topLevel, !draft.hasWorkID, try scanner.peekValueStart() == UInt8(ascii: "[") {
                    try readPageResults(into: &draft)
                } else {
                    try scanner.skipValue()
                }
            case .other: try scanner.skipValue()
            }
            nextKey = try scanner.nextKey()
        }
        return draft
    }

    /// Reads a page's `results`, keeping the enclosing object's own field state aside.
    private mutating func readPageResults(into draft: inout WorkDraft) throws(JSONError) {
        let outerProblem = problem
        let outerID = currentWorkID
        if draft.resultsOutcomesStart == nil { draft.resultsOutcomesStart = scratch.outcomes.count }
        listProgress = ListProgress()
        firstItemError = nil
        try readWorkArray()
        if draft.resultsError == nil { draft.resultsError = firstItemError }
        problem = outerProblem
        currentWorkID = outerID
    }

    /// Reads `updated_date`: an ISO date or date-time, or `null`/`""` for unknown. Anything
    /// else is a problem: compared as text with real dates, it would decide wrongly which
    /// record of a work is newer.
    private mutating func readUpdatedDate() throws(JSONError) -> String {
        _ = try scanner.peekValueStart()
        let start = scanner.position
        guard let span = try readStringSpan(field: "updated_date"), span.rawCount > 0 else { return "" }
        guard withBytes(of: span, OpenAlexLimits.isISODate) else {
            let text = scanner.string(from: span, scratch: &scratch.decoded)
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            noteProblem(
                "field 'updated_date' is not an ISO date (YYYY-MM-DD or YYYY-MM-DDThh:mm…): \"\(shown)\"",
                at: start)
            return ""
        }
        return scanner.string(from: span, scratch: &scratch.decoded)
    }

    /// Reads `id` into the draft.
    private mutating func readID(into draft: inout WorkDraft) throws(JSONError) {
        let byte = try scanner.peekValueStart()
        if byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "n") {
            try scanner.skipValue()
            draft.id = .invalid(nil)
            return
        }
        guard let span = try readStringSpan(field: "id"), span.rawCount > 0 else {
            draft.id = .empty
            return
        }
        if let id = withBytes(of: span, OpenAlexIdentifiers.workID) {
            draft.id = .valid(id)
            currentWorkID = id
        } else {
            draft.id = .invalid(scanner.string(from: span, scratch: &scratch.decoded))
        }
    }

    /// Completes the work once its object has ended.
    func finish(_ draft: WorkDraft, id: String) -> Work {
        var work = draft.work
        work.id = id
        if let title = draft.title {
            work.title = title
        } else if let displayName = draft.displayName {
            var decoded: [UInt8] = []
            work.title = scanner.string(from: displayName, scratch: &decoded)
        }
        work.topics += draft.concepts
        work.abstract = draft.abstract ?? draft.abstractV3 ?? ""
        if draft.isSynthetic { work.source = .synthetic }
        return work
    }

    /// Dispatches a work key by length, then bytes; no string is made.
    private func workKey(_ key: JSONStringSpan) -> WorkKey {
        func matches(_ name: StaticString) -> Bool { scanner.span(key, equals: name) }
        switch keyLength(key) {
        case 2: return matches("id") ? .id : .other
        case 3: return matches("doi") ? .doi : .other
        case 4: return matches("type") ? .type : .other
        case 5: return matches("title") ? .title : .other
        case 6: return matches("topics") ? .topics : .other
        case 7: return matches("results") ? .results : .other
        case 8:
            if matches("keywords") { return .keywords }
            if matches("concepts") { return .concepts }
            return matches("language") ? .language : .other
        case 9: return matches("synthetic") ? .synthetic : .other
        case 11: return matches("authorships") ? .authorships : .other
        case 12:
            if matches("display_name") { return .displayName }
            if matches("is_retracted") { return .isRetracted }
            return matches("updated_date") ? .updatedDate : .other
        case 14:
            if matches("cited_by_count") { return .citedByCount }
            return matches("counts_by_year") ? .countsByYear : .other
        case 16:
            if matches("publication_year") { return .publicationYear }
            return matches("referenced_works") ? .referencedWorks : .other
        case 23: return matches("abstract_inverted_index") ? .abstract : .other
        case 26: return matches("abstract_inverted_index_v3") ? .abstractV3 : .other
        default: return .other
        }
    }
}
