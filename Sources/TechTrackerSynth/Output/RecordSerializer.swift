import TechTrackerCore
/// Phase 3: turns one work of the model into one line of OpenAlex-shaped JSON.
///
/// Everything random here comes from the work's own stream, so a record's bytes depend only
/// on the configuration and the work's index: parts can be written in any order, in parallel.
struct RecordSerializer: Sendable {
    let corpus: SyntheticCorpus
    let arena: TextArena
    let phrases: PhraseTables
    let tables: WorldTables
    /// Works per subject (technology or filler), for `related_works`.
    let subjectMembers: [[UInt32]]
    /// `updated_date` folder dates, as (year, month, day).
    let folderDates: [(Int, Int, Int)]

    init(corpus: SyntheticCorpus, folderDates: [(Int, Int, Int)]) {
        self.corpus = corpus
        var builder = TextArenaBuilder()
        phrases = PhraseTables(arena: &builder, vocabularies: corpus.world.vocabularies, fillers: corpus.world.fillers)
        tables = WorldTables(arena: &builder, world: corpus.world)
        arena = builder.freeze()
        var members = [[UInt32]](repeating: [], count: corpus.propensity.technologyCount + corpus.world.fillers.count)
        for work in 0..<corpus.workCount { members[corpus.subject(ofWork: work)].append(UInt32(work)) }
        subjectMembers = members
        self.folderDates = folderDates
    }

    /// Appends the record of `work` and a newline to `sink`.
    func write(work: Int, folder: Int, into sink: inout ByteSink, scratch: inout RecordScratch) {
        var rng = SplitMix64(seed: corpus.configuration.seed, stream: 5, index: work)
        let context = WorkContext(corpus: corpus, work: work, tables: tables)
        let number = corpus.workNumber(work)
        let kind = corpus.kinds[work]
        let year = corpus.publicationYear(ofWork: work)
        let month = 1 + rng.nextInt(below: 12), day = 1 + rng.nextInt(below: 28)
        scratch.beginWork()

        sink.append("{\"id\":")
        sink.appendQuotedID("https://openalex.org/W", number)
        sink.append(",\"synthetic\":true,\"doi\":")
        sink.appendQuotedID("https://doi.org/10.5555/synth.", number)
        sink.append(",\"title\":")
        let titleStart = sink.count
        writeTitle(kind: kind, context: context, rng: &rng, scratch: &scratch, into: &sink)
        let titleLength = sink.count - titleStart
        let hasAbstract = composeAbstract(kind: kind, context: context, rng: &rng, scratch: &scratch)
        sink.append(",\"display_name\":")
        sink.appendCopy(from: titleStart, count: titleLength)
        sink.append(",\"publication_year\":")
        sink.append(int: year)
        sink.append(",\"publication_date\":\"")
        appendDate(year, month, day, into: &sink)
        sink.append("\",\"ids\":{\"openalex\":")
        sink.appendQuotedID("https://openalex.org/W", number)
        sink.append(",\"doi\":")
        sink.appendQuotedID("https://doi.org/10.5555/synth.", number)
        sink.append("},\"language\":\"en\",\"primary_location\":")
        let access = writeLocations(
            kind: kind, number: number, context: context, rng: &rng, scratch: &scratch, into: &sink)
        sink.append(",\"type\":\"")
        sink.append(kind.openAlexType)
        sink.append("\",\"type_crossref\":\"")
        sink.append(kind.crossrefType)
        sink.append(access.isGold ? "\",\"indexed_in\":[\"crossref\",\"doaj\"]" : "\",\"indexed_in\":[\"crossref\"]")
        sink.append(",\"open_access\":{\"is_oa\":")
        sink.append(access.isOpenAccess ? "true" : "false")
        sink.append(",\"oa_status\":\"")
        sink.append(access.status)
        sink.append("\",\"oa_url\":")
        if access.isOpenAccess {
            sink.appendQuotedID("https://example.org/synthetic/pdf/W", number)
        } else {
            sink.append("null")
        }
        sink.append(",\"any_repository_has_fulltext\":")
        sink.append(access.hasRepositoryCopy ? "true}" : "false}")
        sink.append(",\"authorships\":")
        writeAuthorships(work: work, context: context, rng: &rng, scratch: &scratch, into: &sink)
        writeCitationFields(work: work, kind: kind, access: access, year: year, rng: &rng, into: &sink)
        sink.append(",\"is_retracted\":")
        sink.append(corpus.retracted[work] ? "true" : "false")
        sink.append(",\"is_paratext\":")
        sink.append(kind == .paratext ? "true" : "false")
        writeSubjects(kind: kind, context: context, rng: &rng, scratch: &scratch, into: &sink)
        writeLocationList(access: access, number: number, scratch: scratch, into: &sink)
        writeGoalsAndGrants(context: context, rng: &rng, into: &sink)
        sink.append(",\"datasets\":[],\"versions\":[]")
        writeReferences(work: work, context: context, rng: &rng, scratch: &scratch, into: &sink)
        sink.append(",\"abstract_inverted_index\":")
        if hasAbstract { writeInvertedIndex(scratch: &scratch, into: &sink) } else { sink.append("null") }
        sink.append(",\"cited_by_api_url\":\"https://api.openalex.org/works?filter=cites:W")
        sink.append(int: Int(number))
        sink.append("\",\"counts_by_year\":")
        writeCountsByYear(work: work, year: year, rng: &rng, scratch: &scratch, into: &sink)
        sink.append(",\"updated_date\":\"")
        let folderDate = folderDates[folder % max(1, folderDates.count)]
        appendDate(folderDate.0, folderDate.1, folderDate.2, into: &sink)
        sink.append(byte: UInt8(ascii: "T"))
        sink.append(int: rng.nextInt(below: 24), width: 2)
        sink.append(byte: UInt8(ascii: ":"))
        sink.append(int: rng.nextInt(below: 60), width: 2)
        sink.append(byte: UInt8(ascii: ":"))
        sink.append(int: rng.nextInt(below: 60), width: 2)
        sink.append(byte: UInt8(ascii: "."))
        sink.append(int: rng.nextInt(below: 1_000_000), width: 6)
        sink.append("\",\"created_date\":\"")
        if year < 2016 {
            sink.append("2016-06-24")  // OpenAlex's creation date for records inherited from MAG
        } else {
            let created = Self.addDays(year, month, day, rng.nextInt(below: 45))
            appendDate(created.0, created.1, created.2, into: &sink)
        }
        sink.append("\"}\n")
    }

    /// Citation counts and the fields derived from them.
    private func writeCitationFields(
        work: Int, kind: WorkKind, access: AccessInfo, year: Int,
        rng: inout SplitMix64, into sink: inout ByteSink
    ) {
        sink.append(",\"apc_list\":")
        if access.apcUSD > 0 {
            sink.append("{\"value\":")
            sink.append(int: access.apcUSD)
            sink.append(",\"currency\":\"USD\",\"value_usd\":")
            sink.append(int: access.apcUSD)
            sink.append("},\"apc_paid\":{\"value\":")
            sink.append(int: access.apcUSD)
            sink.append(",\"currency\":\"USD\",\"value_usd\":")
            sink.append(int: access.apcUSD)
            sink.append("}")
        } else {
            sink.append("null,\"apc_paid\":null")
        }
        sink.append(",\"fwci\":")
        sink.append(decimal: Double(corpus.fieldWeightedImpact[work]), places: 3)
        sink.append(
            access.isOpenAccess
                ? ",\"has_fulltext\":true,\"fulltext_origin\":\"pdf\""
                : ",\"has_fulltext\":false,\"fulltext_origin\":null")
        sink.append(",\"cited_by_count\":")
        sink.append(int: corpus.citedByCount(ofWork: work))
        let percentile = Double(corpus.percentiles[work])
        sink.append(",\"citation_normalized_percentile\":{\"value\":")
        sink.append(decimal: percentile, places: 7)
        sink.append(",\"is_in_top_1_percent\":")
        sink.append(percentile >= 0.99 ? "true" : "false")
        sink.append(",\"is_in_top_10_percent\":")
        sink.append(percentile >= 0.9 ? "true" : "false")
        sink.append("},\"cited_by_percentile_year\":{\"min\":")
        sink.append(int: Int(corpus.percentileBounds[work * 2]))
        sink.append(",\"max\":")
        sink.append(int: Int(corpus.percentileBounds[work * 2 + 1]))
        sink.append("},\"biblio\":")
        if kind == .preprint {
            sink.append("{\"volume\":null,\"issue\":null,\"first_page\":null,\"last_page\":null}")
        } else {
            let firstPage = 1 + rng.nextInt(below: 3_000)
            sink.append("{\"volume\":\"")
            sink.append(int: max(1, year - 1985 + rng.nextInt(below: 20)))
            sink.append("\",\"issue\":\"")
            sink.append(int: 1 + rng.nextInt(below: 12))
            sink.append("\",\"first_page\":\"")
            sink.append(int: firstPage)
            sink.append("\",\"last_page\":\"")
            sink.append(
                int: firstPage
                    + (kind == .article || kind == .review ? 5 + rng.nextInt(below: 20) : rng.nextInt(below: 2)))
            sink.append("\"}")
        }
    }

    func appendDate(_ year: Int, _ month: Int, _ day: Int, into sink: inout ByteSink) {
        sink.append(int: year, width: 4)
        sink.append(byte: UInt8(ascii: "-"))
        sink.append(int: month, width: 2)
        sink.append(byte: UInt8(ascii: "-"))
        sink.append(int: day, width: 2)
    }

    /// Calendar arithmetic for `created_date` (Gregorian leap years).
    static func addDays(_ year: Int, _ month: Int, _ day: Int, _ days: Int) -> (Int, Int, Int) {
        var (y, m, d) = (year, month, day + days)
        while true {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            if d <= length { return (y, m, d) }
            d -= length
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
    }
}
