/// Ready-made JSON for the entities records point at: institutions, people's names,
/// journals, topics, keywords, concepts, MeSH headings, SDGs, funders.
struct WorldTables: Sendable {
    /// `{"id":"https://openalex.org/I…",…,"lineage":[…]}` per institution.
    let institutionJSON: [TextPiece]
    /// `"https://openalex.org/I…"` per institution (quoted).
    let institutionID: [TextPiece]
    /// "Name, City, Country" per institution (escaped, unquoted).
    let institutionAffiliation: [TextPiece]
    /// `"CN"` per country (quoted).
    let countryCode: [TextPiece]
    /// "City, Country" per country, for authorships that give only a country.
    let countryAffiliation: [TextPiece]
    let givenNames: [[TextPiece]]
    let familyNames: [[TextPiece]]
    /// Source JSON objects per OpenAlex field id; repositories separately.
    let journalsByField: [Int: [TextPiece]]
    let journalAPC: [Int: [Int]]
    let journalIsOpenAccess: [Int: [Bool]]
    let repositories: [TextPiece]
    let departmentsByField: [Int: [TextPiece]]
    /// Per technology / filler subject: topic JSON up to `"score":` and after the score.
    let technologyTopics: [[(head: TextPiece, tail: TextPiece, field: Int)]]
    let fillerTopics: [[(head: TextPiece, tail: TextPiece, field: Int)]]
    /// Keyword and concept JSON up to `"score":`, per term (same layout as the term tables).
    let technologyKeywords: [[TextPiece]]
    let technologyConcepts: [[TextPiece]]
    let fillerKeywords: [[TextPiece]]
    let fillerConcepts: [[TextPiece]]
    /// Level-0 concept JSON up to `"score":` per field id.
    let rootConcepts: [Int: TextPiece]
    let meshHeadings: [TextPiece]
    /// SDG JSON up to `"score":`, keyed by SDG number.
    let goals: [Int: TextPiece]
    /// Funder JSON up to `"award_id":`, and the funders of each country.
    let funders: [TextPiece]
    let fundersByCountry: [[Int]]
    let internationalFunders: [Int]

    init(arena: inout TextArenaBuilder, world: SyntheticWorld) {
        let q = JSONEscaping.quoted
        institutionJSON = world.institutions.map { institution in
            let id = "https://openalex.org/I\(institution.openAlexNumber)"
            return arena.json(
                """
                {\"id\":\(q(id)),\"display_name\":\(q(institution.name)),\
                \"ror\":\(q("https://ror.org/" + institution.ror)),\
                \"country_code\":\(q(world.countries[institution.country].code)),\"type\":\(q(institution.type)),\
                \"lineage\":[\(q(id))]}
                """
            )
        }
        institutionID = world.institutions.map { arena.json(q("https://openalex.org/I\($0.openAlexNumber)")) }
        institutionAffiliation = world.institutions.map {
            arena.escaped("\($0.name), \($0.city), \(world.countries[$0.country].name)")
        }
        countryCode = world.countries.map { arena.json(q($0.code)) }
        countryAffiliation = world.countries.map { arena.escaped("\($0.cities[0]), \($0.name)") }
        givenNames = PersonNames.byRegion.map { $0.given.map { arena.escaped($0) } }
        familyNames = PersonNames.byRegion.map { $0.family.map { arena.escaped($0) } }

        let publishers = SourceDirectory.publishers
        func sourceJSON(_ source: SyntheticSource) -> TextPiece {
            let publisher = publishers[min(source.publisher, publishers.count - 1)]
            let publisherID = q("https://openalex.org/P\(publisher.openAlexNumber)")
            let issnL = source.issn.first.map(q) ?? "null"
            let issn = source.issn.isEmpty ? "null" : "[" + source.issn.map(q).joined(separator: ",") + "]"
            return arena.json(
                """
                {\"id\":\(q("https://openalex.org/S\(source.openAlexNumber)")),\"display_name\":\(q(source.name)),\
                \"issn_l\":\(issnL),\"issn\":\(issn),\"is_oa\":\(source.isOpenAccess),\
                \"is_in_doaj\":\(source.isOpenAccess && source.apcUSD > 0),\
                \"is_indexed_in_scopus\":\(source.type == "journal"),\"is_core\":\(source.type == "journal"),\
                \"host_organization\":\(publisherID),\"host_organization_name\":\(q(publisher.name)),\
                \"host_organization_lineage\":[\(publisherID)],\
                \"host_organization_lineage_names\":[\(q(publisher.name))],\"type\":\(q(source.type))}
                """
            )
        }
        journalsByField = SourceDirectory.journalsByField.mapValues { $0.map(sourceJSON) }
        journalAPC = SourceDirectory.journalsByField.mapValues { $0.map(\.apcUSD) }
        journalIsOpenAccess = SourceDirectory.journalsByField.mapValues { $0.map(\.isOpenAccess) }
        repositories = SourceDirectory.repositories.map(sourceJSON)
        departmentsByField = SourceDirectory.departmentsByField.mapValues { $0.map { arena.escaped($0) } }

        // Topics: sequential ids in first-seen order, so equal names share an id.
        var topicIDs: [String: Int] = [:]
        func topicPieces(_ topic: ResearchTopic) -> (head: TextPiece, tail: TextPiece, field: Int) {
            let number = topicIDs[topic.name] ?? (10_000 + topicIDs.count * 13)
            topicIDs[topic.name] = number
            let subfield = OpenAlexTaxonomy.subfield(topic.subfieldID)
            let head = arena.json(
                "{\"id\":\(q("https://openalex.org/T\(number)")),\"display_name\":\(q(topic.name)),\"score\":")
            let tail = arena.json(
                """
                ,\"subfield\":{\"id\":\(q("https://openalex.org/subfields/\(subfield.id)")),\
                \"display_name\":\(q(subfield.name))},\
                \"field\":{\"id\":\(q("https://openalex.org/fields/\(subfield.fieldID)")),\
                \"display_name\":\(q(subfield.field))},\
                \"domain\":{\"id\":\(q("https://openalex.org/domains/\(subfield.domainID)")),\
                \"display_name\":\(q(subfield.domain))}}
                """
            )
            return (head, tail, subfield.fieldID)
        }
        technologyTopics = world.vocabularies.map { $0.topics.map(topicPieces) }
        fillerTopics = world.fillers.map { $0.topics.map(topicPieces) }

        func keyword(_ term: String) -> TextPiece {
            let slug = term.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: "-")
            return arena.json(
                """
                {\"id\":\(q("https://openalex.org/keywords/" + slug)),\
                \"display_name\":\(q(Self.displayCase(term))),\"score\":
                """
            )
        }
        func concept(_ term: String) -> TextPiece {
            let hash = Self.stableHash(term)
            return arena.json(
                """
                {\"id\":\(q("https://openalex.org/C\(100_000_000 + hash % 3_000_000_000)")),\
                \"wikidata\":\(q("https://www.wikidata.org/wiki/Q\(1_000 + hash % 90_000_000)")),\
                \"display_name\":\(q(Self.displayCase(term))),\"level\":\(2 + Int(hash % 2)),\"score\":
                """
            )
        }
        technologyKeywords = world.vocabularies.map { $0.terms.map(keyword) }
        technologyConcepts = world.vocabularies.map { $0.terms.map(concept) }
        fillerKeywords = world.fillers.map { $0.terms.map(keyword) }
        fillerConcepts = world.fillers.map { $0.terms.map(concept) }
        rootConcepts = OpenAlexTaxonomy.rootConceptOfField.mapValues { root in
            arena.json(
                """
                {\"id\":\(q("https://openalex.org/C\(root.id)")),\
                \"wikidata\":\(q("https://www.wikidata.org/wiki/Q\(root.wikidata)")),\
                \"display_name\":\(q(root.name)),\"level\":0,\"score\":
                """
            )
        }
        meshHeadings = MedicalHeadings.all.map { heading in
            arena.json(
                """
                {\"descriptor_ui\":\(q(heading.ui)),\"descriptor_name\":\(q(heading.name)),\
                \"qualifier_ui\":null,\"qualifier_name\":null,\"is_major_topic\":
                """
            )
        }
        var goals: [Int: TextPiece] = [:]
        for (number, name) in MedicalHeadings.goals.sorted(by: { $0.key < $1.key }) {
            goals[number] = arena.json(
                "{\"id\":\(q("https://metadata.un.org/sdg/\(number)")),\"display_name\":\(q(name)),\"score\":")
        }
        self.goals = goals
        let funderList = SourceDirectory.funders
        funders = funderList.map { funder in
            arena.json(
                """
                {\"funder\":\(q("https://openalex.org/F\(funder.openAlexNumber)")),\
                \"funder_display_name\":\(q(funder.name)),\"award_id\":
                """
            )
        }
        var byCountry = [[Int]](repeating: [], count: world.countries.count)
        var international: [Int] = []
        for (index, funder) in funderList.enumerated() {
            if let country = funder.country { byCountry[country].append(index) } else { international.append(index) }
        }
        fundersByCountry = byCountry
        internationalFunders = international
    }

    /// Keyword/concept display form: first letter capitalised for plain lowercase terms.
    static func displayCase(_ term: String) -> String {
        guard let first = term.first, first.isLowercase else { return term }
        return first.uppercased() + term.dropFirst()
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and platforms (unlike `hashValue`).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
