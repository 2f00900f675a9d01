import TechTrackerCore
extension RecordSerializer {
    /// Writes `authorships` and the fields summarising them (distinct counts, corresponding
    /// authors).
    func writeAuthorships(
        work: Int, context: WorkContext, rng: inout SplitMix64, scratch: inout RecordScratch,
        into sink: inout ByteSink
    ) {
        let start = corpus.authorshipStart[work], end = corpus.authorshipStart[work + 1]
        let departments = tables.departmentsByField[context.field] ?? tables.departmentsByField[22] ?? []
        scratch.seenCountries.removeAll(keepingCapacity: true)
        scratch.seenInstitutions.removeAll(keepingCapacity: true)
        sink.append(byte: 0x5B)
        for authorship in start..<end {
            if authorship > start { sink.append(byte: 0x2C) }
            let authorIndex = Int(corpus.authorshipAuthors[authorship])
            let author = corpus.authors[authorIndex]
            let region = Int(author.nameRegion)
            let given = tables.givenNames[region][Int(author.givenName)]
            let family = tables.familyNames[region][Int(author.familyName)]
            let isLast = authorship == end - 1 && end - start > 1
            sink.append(
                authorship == start
                    ? "{\"author_position\":\"first\""
                    : isLast
                        ? "{\"author_position\":\"last\""
                        : "{\"author_position\":\"middle\"")
            sink.append(",\"author\":{\"id\":")
            sink.appendQuotedID("https://openalex.org/A", corpus.authorNumber(authorIndex))
            sink.append(",\"display_name\":\"")
            appendName(given, family, into: &sink)
            sink.append("\",\"orcid\":null},\"institutions\":[")

            let base = authorship * 3
            var firstInstitution = AuthorRecord.none
            var listed = 0
            for slot in 0..<3 {
                let institution = corpus.authorshipInstitutions[base + slot]
                guard institution != AuthorRecord.none else { continue }
                if listed > 0 { sink.append(byte: 0x2C) }
                sink.append(tables.institutionJSON[Int(institution)], arena)
                if listed == 0 { firstInstitution = institution }
                listed += 1
                if !scratch.seenInstitutions.contains(institution) { scratch.seenInstitutions.append(institution) }
            }
            sink.append("],\"countries\":[")
            var authorCountries = 0
            let bare = corpus.authorshipBareCountry[authorship]
            for slot in 0..<(listed == 0 ? 1 : 3) {
                let country: Int
                if listed == 0 {
                    guard bare != SyntheticCorpus.noCountry else { continue }
                    country = Int(bare)
                } else {
                    let institution = corpus.authorshipInstitutions[base + slot]
                    guard institution != AuthorRecord.none else { continue }
                    country = corpus.world.institutions[Int(institution)].country
                    // An author's institutions may share a country: list it once.
                    var repeated = false
                    for earlier in 0..<slot
                    where corpus.authorshipInstitutions[base + earlier] != AuthorRecord.none
                        && corpus.world.institutions[Int(corpus.authorshipInstitutions[base + earlier])].country
                            == country
                    {
                        repeated = true
                    }
                    if repeated { continue }
                }
                if authorCountries > 0 { sink.append(byte: 0x2C) }
                sink.append(tables.countryCode[country], arena)
                authorCountries += 1
                if !scratch.seenCountries.contains(country) { scratch.seenCountries.append(country) }
            }
            let corresponding = authorship == start || (isLast && rng.chance(0.5))
            if corresponding {
                scratch.correspondingAuthors.append(UInt32(authorIndex))
                if firstInstitution != AuthorRecord.none { scratch.correspondingInstitutions.append(firstInstitution) }
            }
            sink.append(
                corresponding
                    ? "],\"is_corresponding\":true,\"raw_author_name\":\""
                    : "],\"is_corresponding\":false,\"raw_author_name\":\"")
            appendName(given, family, into: &sink)
            // Half the raw strings name a department, as in real affiliation data.
            let department =
                departments.isEmpty || rng.chance(0.5) ? nil : departments[rng.nextInt(below: departments.count)]
            sink.append("\",\"raw_affiliation_strings\":[")
            writeAffiliationStrings(
                authorship: authorship, listed: listed, bare: bare, department: department,
                withIDs: false, into: &sink)
            sink.append("],\"affiliations\":[")
            writeAffiliationStrings(
                authorship: authorship, listed: listed, bare: bare, department: department,
                withIDs: true, into: &sink)
            sink.append("]}")
        }
        sink.append("],\"institution_assertions\":[],\"countries_distinct_count\":")
        sink.append(int: scratch.seenCountries.count)
        sink.append(",\"institutions_distinct_count\":")
        sink.append(int: scratch.seenInstitutions.count)
        sink.append(",\"corresponding_author_ids\":[")
        for (index, author) in scratch.correspondingAuthors.enumerated() {
            if index > 0 { sink.append(byte: 0x2C) }
            sink.appendQuotedID("https://openalex.org/A", corpus.authorNumber(Int(author)))
        }
        sink.append("],\"corresponding_institution_ids\":[")
        for (index, institution) in scratch.correspondingInstitutions.enumerated() {
            if index > 0 { sink.append(byte: 0x2C) }
            sink.append(tables.institutionID[Int(institution)], arena)
        }
        sink.append(byte: 0x5D)
    }

    private func appendName(_ given: TextPiece, _ family: TextPiece, into sink: inout ByteSink) {
        sink.append(given, arena)
        sink.append(byte: 0x20)
        sink.append(family, arena)
    }

    /// Raw affiliation strings ("Department, Institution, City, Country"), bare or wrapped
    /// in `affiliations` objects with the institution id.
    private func writeAffiliationStrings(
        authorship: Int, listed: Int, bare: UInt8, department: TextPiece?,
        withIDs: Bool, into sink: inout ByteSink
    ) {
        if listed == 0 {
            guard bare != SyntheticCorpus.noCountry else { return }
            sink.append(withIDs ? "{\"raw_affiliation_string\":\"" : "\"")
            sink.append(tables.countryAffiliation[Int(bare)], arena)
            sink.append(withIDs ? "\",\"institution_ids\":[]}" : "\"")
            return
        }
        var written = 0
        for slot in 0..<3 {
            let institution = corpus.authorshipInstitutions[authorship * 3 + slot]
            guard institution != AuthorRecord.none else { continue }
            if written > 0 { sink.append(byte: 0x2C) }
            sink.append(withIDs ? "{\"raw_affiliation_string\":\"" : "\"")
            if let department, written == 0 {
                sink.append(department, arena)
                sink.append(", ")
            }
            sink.append(tables.institutionAffiliation[Int(institution)], arena)
            if withIDs {
                sink.append("\",\"institution_ids\":[")
                sink.append(tables.institutionID[Int(institution)], arena)
                sink.append("]}")
            } else {
                sink.append(byte: 0x22)
            }
            written += 1
        }
    }
}
