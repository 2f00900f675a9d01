import TechTrackerCore

/// Which segment of a Scopus affiliation names the organisation.
extension InstitutionName {
    /// Which of a Scopus affiliation's comma-separated segments names the organisation: the
    /// index into `segments`; `nil` when there are no segments.
    ///
    /// Each segment is ranked by the words it contains (whole words, any case and accents), and
    /// the best-ranked segment is chosen, the earliest of equal ones:
    /// 1. a university: `university`, `univ`, `universität`, `université`, `universidad`,
    ///    `universidade`, `università`, `universiteit`, `uniwersytet`, …, `hochschule`,
    ///    `politecnico`, `polytechnic`, `polytechnique`;
    /// 2. a college (`college`), not one starting with `College of` (see 9);
    /// 3. an academy (`academy`, `académie`, `akademie`, …), ranked above
    /// 4. an institute (`institute`, `institut`, `instituto`, `istituto`, `institution`, …), so
    ///    `Institute of Physics, Chinese Academy of Sciences` is the academy;
    /// 5. a hospital or clinic (`hospital`, `hôpital`, `klinikum`, `clinic`, …);
    /// 6. a company (`company`, `corporation`, `corp`, `inc`, `ltd`, `limited`, `gmbh`, `llc`,
    ///    `plc`; `Co.` or `Co` before `Ltd`/`Inc` or at the end; `AG`, `SA` or `S.A.` at the end),
    ///    so `R&D Center, Samsung Electronics Co., Ltd.` is the company;
    /// 7. a laboratory (`laboratory`, `laboratories`, `labs`, …), then a center (`center`,
    ///    `centre`, `centro`, `zentrum`), then a ministry, agency, council or foundation (and their
    ///    French, Spanish, Italian and German forms);
    /// 8. a school (`school`, `école`, `escuela`, …), then a segment with an acronym of 3 to 6
    ///    capitals (`MIT`, `ETH Zurich`, `KAIST`; not `USA`, `CEDEX` or an Australian state) and
    ///    at most 4 words;
    /// 9. below all of these, a segment starting with `College of`, and last a subunit: a
    ///    segment starting with `Department`, `Dept`, `Dep.`, `Departamento`, `Département`,
    ///    `Dipartimento`, `School of`, `Faculty`, `Faculté`, `Facultad`, `Fakultät`, `Division`,
    ///    `Laboratory of`, `Lab of`, `Laboratoire de`, `Key Laboratory`, `Key Lab`, `State Key
    ///    Laboratory`, `State Key Lab`, or containing `Key Laboratory`/`Key Lab` anywhere
    ///    (`Hunan Provincial Key Laboratory of …`). A subunit's other words do not count.
    ///
    /// The last segment (the country) is never chosen unless it is the only one. When no
    /// segment ranks at all, the first is chosen.
    public static func organisationSegment(in segments: [String]) -> Int? {
        guard !segments.isEmpty else { return nil }
        var best: (index: Int, rank: Int)?
        for index in 0..<max(1, segments.count - 1) {
            let rank = Self.rank(ofSegment: segments[index])
            if rank > (best?.rank ?? 0) { best = (index, rank) }
        }
        return best?.index ?? 0
    }

    /// How strongly a segment names an organisation (0: not at all); see
    /// ``organisationSegment(in:)``.
    static func rank(ofSegment segment: String) -> Int {
        let folded = WorkMatchKey.title(splittingElisions(segment))
        let words = folded.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return 0 }
        if subunitPrefixes.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") })
            || words.indices.dropLast().contains(where: {
                words[$0] == "key" && ["laboratory", "lab"].contains(words[$0 + 1])
            })
        {
            return SegmentRank.subunit
        }
        if folded.hasPrefix("college of ") { return SegmentRank.collegeOf }
        var rank = 0
        for word in words {
            rank = max(rank, segmentWordRanks[word] ?? 0)
        }
        if isCompany(segment: segment, words: words) { rank = max(rank, SegmentRank.company) }
        if rank == 0 && words.count <= 4 && hasAcronym(segment) { rank = SegmentRank.acronym }
        return rank
    }

    /// The ranks of ``organisationSegment(in:)``, best highest.
    enum SegmentRank {
        static let university = 100
        static let college = 90
        static let academy = 85
        static let institute = 80
        static let hospital = 70
        static let company = 60
        static let laboratory = 55
        static let center = 50
        static let government = 40
        static let school = 30
        static let acronym = 20
        static let collegeOf = 15
        static let subunit = 10
    }

    /// The folded beginnings that make a segment a subunit.
    static let subunitPrefixes = [
        "department", "dept", "dep", "departamento", "departement", "dipartimento", "departament", "school of",
        "faculty", "faculte", "facultad", "faculdade", "fakultat", "division", "laboratory of", "lab of",
        "laboratoire de", "key laboratory", "key lab", "state key laboratory", "state key lab",
    ]

    /// The rank of each folded word that names a kind of organisation.
    static let segmentWordRanks: [String: Int] = {
        let groups: [(Int, [String])] = [
            (
                SegmentRank.university,
                [
                    "university", "univ", "universitat", "universitaet", "universite", "universidad", "universidade",
                    "universita", "universiteit", "universitet", "uniwersytet", "univerzita", "univerzitet",
                    "universiti", "universitas", "universitatea", "universitatsmedizin", "hochschule",
                    "fachhochschule", "politecnico", "politecnica", "polytechnic", "polytechnique", "politechnika",
                ]
            ),
            (SegmentRank.college, ["college"]),
            (
                SegmentRank.academy,
                ["academy", "academie", "akademie", "academia", "accademia", "akademia", "academies"]
            ),
            (
                SegmentRank.institute,
                [
                    "institute", "institutes", "institut", "instituto", "istituto", "instytut", "institutet",
                    "instituttet", "institution",
                ]
            ),
            (
                SegmentRank.hospital,
                [
                    "hospital", "hospitals", "hopital", "hopitaux", "hospitalier", "ospedale", "ospedaliera",
                    "klinikum", "universitatsklinikum", "universitatsspital", "clinic", "clinics", "klinik",
                    "clinique", "clinica", "infirmary",
                ]
            ),
            (
                SegmentRank.laboratory,
                ["laboratory", "laboratories", "labs", "lab", "laboratoire", "laboratorio", "laboratorium"]
            ),
            (SegmentRank.center, ["center", "centre", "centers", "centres", "centro", "zentrum", "centrum"]),
            (
                SegmentRank.company,
                ["company", "corporation", "corp", "inc", "ltd", "limited", "gmbh", "llc", "plc", "incorporated"]
            ),
            (
                SegmentRank.government,
                [
                    "ministry", "ministere", "ministerio", "ministero", "ministerium", "agency", "agence", "agencia",
                    "agenzia", "council", "conseil", "consejo", "consiglio", "foundation", "fondation", "fundacion",
                    "fondazione", "stiftung",
                ]
            ),
            (SegmentRank.school, ["school", "ecole", "escuela", "escola", "scuola"]),
        ]
        var table: [String: Int] = [:]
        for (rank, words) in groups {
            for word in words { table[word] = rank }
        }
        return table
    }()

    /// Whether a segment names a company by the abbreviations that need their position: `Co.`,
    /// or `Co` before `Ltd`/`Limited`/`Inc` or at the end; `AG`, `SA` or `S.A.` at the end.
    private static func isCompany(segment: String, words: [String]) -> Bool {
        guard let last = words.last else { return false }
        if last == "co" || last == "ag" || last == "sa" { return true }
        if words.count >= 2 && words[words.count - 2] == "s" && last == "a" { return true }
        for index in words.indices where words[index] == "co" {
            if index + 1 < words.count && ["ltd", "limited", "inc"].contains(words[index + 1]) { return true }
        }
        return segment.split(whereSeparator: \.isWhitespace).contains { $0.lowercased() == "co." }
    }

    /// Acronyms that are places, not organisations.
    private static let placeAcronyms: Set<Substring> = [
        "USA", "NSW", "QLD", "VIC", "TAS", "ACT", "CEDEX", "PRC", "ROC", "UAE",
    ]

    /// Whether a segment holds an acronym: a word of 3 to 6 capital letters A–Z that is not a
    /// place.
    private static func hasAcronym(_ segment: String) -> Bool {
        segment.split(whereSeparator: { !$0.isLetter }).contains { word in
            (3...6).contains(word.count) && word.allSatisfy { $0.isASCII && $0.isUppercase }
                && !placeAcronyms.contains(word)
        }
    }
}
