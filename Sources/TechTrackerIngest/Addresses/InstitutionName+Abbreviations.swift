/// The word tables of ``InstitutionName/key(_:)``.
extension InstitutionName {
    /// One canonical word of an organisation key and the spellings that become it: Web of
    /// Science's abbreviations, and the other forms (plurals, British spellings, the adjective or
    /// noun the same abbreviation stands for, foreign forms). All are folded (lower case, no
    /// accents).
    struct WordRow: Sendable {
        let canonical: String
        let abbreviations: [String]
        let variants: [String]

        init(_ canonical: String, _ abbreviations: [String], _ variants: [String] = []) {
            self.canonical = canonical
            self.abbreviations = abbreviations
            self.variants = variants
        }
    }

    /// Words dropped from keys wherever they are: articles, prepositions and conjunctions in
    /// English, French, Spanish, Portuguese, Italian, German and Dutch, and the elided `d'`/`l'`.
    /// `e` (Portuguese and Italian "and") is not among them: in Web of Science names it is `East`.
    static let stopWords: Set<String> = [
        "of", "the", "and", "for", "at", "in", "de", "del", "della", "delle", "degli", "dei", "dell", "di", "da", "das",
        "do", "dos", "des", "du", "d", "l", "la", "le", "et", "en", "y", "und", "fur", "der", "den", "van", "von", "zu",
        "au", "aux",
    ]

    /// Pairs of words (after canonicalisation) written as one word.
    static let joinedSyllables: [String: String] = ["xi an": "xian", "jiao tong": "jiaotong"]

    /// The canonical word of every spelling in ``wordRows``.
    static let canonicalWords: [String: String] = {
        var table: [String: String] = [:]
        for row in wordRows {
            for spelling in row.abbreviations + row.variants { table[spelling] = row.canonical }
        }
        return table
    }()

    /// The word table: Web of Science's address abbreviations and the spellings that mean the
    /// same, by canonical word. Where Web of Science uses one abbreviation for a noun and its
    /// adjective (`Med` for Medicine and Medical, `Technol` for Technology and Technological),
    /// both become the one canonical word. `Ctr` is Center and `Cent` Central (`Cent S Univ` is
    /// Central South University); the single letters and pairs of compass points are directions
    /// (`S China Univ Technol`, `NW A&F Univ`).
    static let wordRows: [WordRow] = [
        // Kinds of institution and their parts.
        WordRow(
            "university", ["univ"],
            [
                "universities", "universite", "universitat", "universitaet", "universidad", "universidade",
                "universita",
                "universiteit", "universitet", "uniwersytet", "univerzita", "univerzitet", "universiti", "universitas",
                "universitatea", "universitario", "universitaria", "universitaire",
            ]),
        WordRow(
            "institute", ["inst", "ist"],
            [
                "institutes", "institution", "institutions", "institut", "instituto", "istituto", "instytut",
                "institutet",
                "instituttet",
            ]),
        WordRow("college", ["coll"], ["colleges"]),
        WordRow(
            "academy", ["acad"],
            [
                "academic", "academies", "academie", "akademie", "academia", "accademia", "akademia",
            ]),
        WordRow(
            "laboratory", ["lab", "labs"],
            [
                "laboratories", "laboratoire", "laboratoires", "laboratorio", "laboratorios", "laboratorium",
            ]),
        WordRow("center", ["ctr"], ["centre", "centres", "centers", "centro", "centros", "zentrum", "centrum"]),
        WordRow("central", ["cent"], ["centrale"]),
        WordRow(
            "hospital", ["hosp"],
            [
                "hospitals", "hopital", "hopitaux", "hospitalier", "hospitaliere", "hospitalario", "ospedale",
                "ospedaliera",
            ]),
        WordRow("clinical", ["clin"], ["clinic", "clinics", "clinique", "clinica", "klinik"]),
        WordRow("school", ["sch"], ["schools", "ecole", "escuela", "escola", "scuola"]),
        WordRow("faculty", ["fac"], ["faculties", "faculte", "facultad", "faculdade", "facolta", "fakultat"]),
        WordRow(
            "department", ["dept", "dep"],
            [
                "departments", "departement", "departamento", "dipartimento", "departament",
            ]),
        WordRow("division", ["div"], ["divisions"]),
        WordRow("section", ["sect"], ["sections"]),
        WordRow("graduate", ["grad"]),
        WordRow(
            "polytechnic", ["polytech", "politecn"],
            [
                "polytechnique", "politecnico", "politecnica", "politechnika", "polytechnical",
            ]),
        WordRow("ministry", ["minist"], ["ministries", "ministere", "ministerio", "ministero", "ministerium"]),
        WordRow("foundation", ["fdn"], ["foundations", "fondation", "fundacion", "fondazione", "fundacao"]),
        WordRow(
            "association", ["assoc"],
            [
                "associations", "associated", "asociacion", "associazione", "associacao",
            ]),
        WordRow("society", ["soc"], ["societies", "societe", "sociedad", "societa"]),
        WordRow("organization", ["org"], ["organizations", "organisation", "organisations"]),
        WordRow("company", ["co"], ["companies", "compagnie", "compania"]),
        WordRow("corporation", ["corp"], ["corporations", "corporate"]),
        WordRow("limited", ["ltd"]),
        WordRow("incorporated", ["inc"]),
        WordRow("group", ["grp"], ["groups", "groupe", "gruppe", "grupo", "gruppo"]),
        WordRow("bureau", ["bur"]),
        WordRow("office", ["off"], ["offices"]),
        WordRow("administration", ["adm", "admin"]),
        WordRow("government", ["govt"], ["governmental"]),
        WordRow("agency", [], ["agencies", "agence", "agencia", "agenzia"]),
        WordRow("council", [], ["councils"]),
        WordRow("library", ["lib"], ["libraries"]),
        WordRow("museum", ["mus"], ["museums", "musee", "museo"]),
        WordRow("observatory", ["observ"], ["observatories", "observatoire", "observatorio", "osservatorio"]),
        WordRow("station", ["sta"], ["stations"]),
        WordRow("program", [], ["programme", "programs", "programmes"]),
        WordRow("system", ["syst"], ["systems"]),
        WordRow("service", ["serv"], ["services"]),

        // Qualities of institutions.
        WordRow("national", ["natl", "nacl", "nazl"], ["nacional", "nationale", "nazionale"]),
        WordRow("international", ["int"], ["internacional", "internationale", "internazionale"]),
        WordRow("federal", ["fed"], ["federale"]),
        WordRow("provincial", ["prov"], ["province", "provinces"]),
        WordRow("regional", ["reg"], ["region", "regions"]),
        WordRow("general", ["gen"]),
        WordRow("memorial", ["mem"]),
        WordRow("affiliated", ["affil"]),
        WordRow("american", ["amer"]),
        WordRow("applied", ["appl"], ["appliquee", "applicata"]),
        WordRow("advanced", ["adv"]),
        WordRow("technical", ["tech"], ["technische", "technischen", "tecnica", "tecnico"]),
        WordRow("public", ["publ"]),
        WordRow("military", ["mil"]),
        WordRow("defense", ["def"], ["defence"]),
        WordRow("industrial", ["ind"], ["industry", "industries"]),
        WordRow("natural", ["nat"]),
        WordRow("experimental", ["expt"], ["experiment", "experiments"]),
        WordRow("integrated", ["integrat"], ["integrative"]),
        WordRow("traditional", ["tradit"]),
        WordRow("deutsch", [], ["deutsche", "deutsches", "deutschen", "deutscher"]),

        // Fields.
        WordRow(
            "science", ["sci", "cient"],
            [
                "sciences", "scientific", "scientifique", "scientifica", "scientifico", "ciencia", "ciencias",
                "scienze",
                "wissenschaften",
            ]),
        WordRow(
            "technology", ["technol"],
            [
                "technologies", "technological", "technologie", "technologique", "tecnologia", "tecnologico",
                "tecnologica",
            ]),
        WordRow(
            "research", ["res", "rech", "ric", "invest"],
            [
                "recherche", "recherches", "ricerca", "ricerche", "investigacion", "investigaciones", "investigacao",
                "investigation", "investigations",
            ]),
        WordRow("engineering", ["engn"], ["engineer", "engineers", "ingenieria", "ingegneria"]),
        WordRow(
            "medical", ["med"],
            [
                "medicine", "medicina", "medecine", "medizin", "medizinische", "medicale", "medico", "medica",
            ]),
        WordRow("health", ["hlth"]),
        WordRow("cancer", ["canc"]),
        WordRow("disease", ["dis"], ["diseases"]),
        WordRow("agricultural", ["agr", "agric"], ["agriculture", "agricola", "agraria"]),
        WordRow("agronomy", ["agron"], ["agronomic", "agronomique", "agronomical"]),
        WordRow("biology", ["biol"], ["biological", "biologie", "biologia"]),
        WordRow("chemistry", ["chem"], ["chemical", "chemicals", "chemie", "chimie", "quimica", "chimica"]),
        WordRow("physics", ["phys", "fis"], ["physical", "physik", "physique", "fisica"]),
        WordRow("mathematics", ["math"], ["mathematical", "maths", "mathematik", "mathematiques", "matematica"]),
        WordRow("electrical", ["elect"], ["electric", "electronic", "electronics"]),
        WordRow("mechanical", ["mech"], ["mechanics"]),
        WordRow("computer", ["comp"], ["computers", "computing"]),
        WordRow("computation", ["computat"], ["computational"]),
        WordRow("information", ["informat"], ["informatics", "informatique", "informatica", "informatik"]),
        WordRow("environment", ["environm"], ["environmental", "environments"]),
        WordRow("material", ["mat"], ["materials"]),
        WordRow("energy", [], ["energies"]),
        WordRow("communication", ["commun"], ["communications"]),
        WordRow("telecommunication", ["telecommun"], ["telecommunications"]),
        WordRow("education", ["educ"], ["educational"]),
        WordRow("aeronautics", ["aeronaut"], ["aeronautical"]),
        WordRow("astronautics", ["astronaut"], ["astronautical"]),
        WordRow("aerospace", ["aerosp"]),
        WordRow("analysis", ["anal"], ["analytical", "analytic", "analyses"]),
        WordRow("animal", ["anim"], ["animals"]),
        WordRow("astronomy", ["astron"], ["astronomical"]),
        WordRow("astrophysics", ["astrophys"], ["astrophysical"]),
        WordRow("atmospheric", ["atmospher"]),
        WordRow("automation", ["automat"], ["automatic"]),
        WordRow("behavior", ["behav"], ["behaviour", "behavioral", "behavioural"]),
        WordRow("biochemistry", ["biochem"], ["biochemical"]),
        WordRow("bioengineering", ["bioengn"]),
        WordRow("bioinformatics", ["bioinformat"]),
        WordRow("biomedical", ["biomed"], ["biomedicine"]),
        WordRow("biophysics", ["biophys"], ["biophysical"]),
        WordRow("biotechnology", ["biotechnol"], ["biotechnological"]),
        WordRow("botany", ["bot"], ["botanical", "botanic"]),
        WordRow("building", ["bldg"], ["buildings"]),
        WordRow("cardiology", ["cardiol"]),
        WordRow("construction", ["construct"]),
        WordRow("critical", ["crit"]),
        WordRow("dental", ["dent"], ["dentistry"]),
        WordRow("dermatology", ["dermatol"]),
        WordRow("development", ["dev"]),
        WordRow("diagnostic", ["diagnost"], ["diagnostics"]),
        WordRow("ecology", ["ecol"], ["ecological"]),
        WordRow("economics", ["econ"], ["economic", "economy"]),
        WordRow("endocrinology", ["endocrinol"]),
        WordRow("epidemiology", ["epidemiol"]),
        WordRow("gastroenterology", ["gastroenterol"]),
        WordRow("genetics", ["genet"], ["genetic"]),
        WordRow("geography", ["geog"], ["geographical", "geographic"]),
        WordRow("geology", ["geol"], ["geological"]),
        WordRow("geophysics", ["geophys"], ["geophysical"]),
        WordRow("geoscience", ["geosci"], ["geosciences"]),
        WordRow("gynecology", ["gynecol"], ["gynaecology"]),
        WordRow("hematology", ["hematol"], ["haematology"]),
        WordRow("history", ["hist"], ["historical"]),
        WordRow("hygiene", ["hyg"]),
        WordRow("immunology", ["immunol"]),
        WordRow("infectious", ["infect"], ["infection", "infections"]),
        WordRow("intensive", ["intens"]),
        WordRow("management", ["mgmt"]),
        WordRow("manufacturing", ["mfg"]),
        WordRow("microbiology", ["microbiol"]),
        WordRow("molecular", ["mol"]),
        WordRow("nanoscience", ["nanosci"]),
        WordRow("nanotechnology", ["nanotechnol"]),
        WordRow("nephrology", ["nephrol"]),
        WordRow("neurology", ["neurol"], ["neurological"]),
        WordRow("neuroscience", ["neurosci"], ["neurosciences"]),
        WordRow("nuclear", ["nucl"], ["nucleaire", "nucleare"]),
        WordRow("nursing", ["nurs"]),
        WordRow("nutrition", ["nutr"]),
        WordRow("obstetrics", ["obstet"]),
        WordRow("oceanography", ["oceanog"], ["oceanographic"]),
        WordRow("oncology", ["oncol"]),
        WordRow("ophthalmology", ["ophthalmol"]),
        WordRow("optics", ["opt"], ["optical"]),
        WordRow("orthopedics", ["orthoped", "orthopaed"], ["orthopedic", "orthopaedic", "orthopaedics"]),
        WordRow("pathology", ["pathol"]),
        WordRow("pediatrics", ["pediat", "paediat"], ["pediatric", "paediatric", "paediatrics"]),
        WordRow("petroleum", ["petr"]),
        WordRow("pharmacy", ["pharm"], ["pharmacie"]),
        WordRow("pharmaceutical", ["pharmaceut"], ["pharmaceuticals"]),
        WordRow("pharmacology", ["pharmacol"]),
        WordRow("photonics", ["photon"]),
        WordRow("physiology", ["physiol"]),
        WordRow("prevention", ["prevent"]),
        WordRow("psychiatry", ["psychiat"], ["psychiatric"]),
        WordRow("psychology", ["psychol"], ["psychological"]),
        WordRow("radiology", ["radiol"]),
        WordRow("rehabilitation", ["rehabil"]),
        WordRow("respiratory", ["resp"]),
        WordRow("statistics", ["stat"], ["statistical"]),
        WordRow("structural", ["struct"]),
        WordRow("surgery", ["surg"], ["surgical"]),
        WordRow("therapeutics", ["therapeut"]),
        WordRow("transport", [], ["transportation"]),
        WordRow("tropical", ["trop"]),
        WordRow("urology", ["urol"]),
        WordRow("veterinary", ["vet"]),
        WordRow("zoology", ["zool"], ["zoological"]),

        // Places and directions.
        WordRow("california", ["calif"]),
        WordRow("pennsylvania", ["penn"]),
        WordRow("massachusetts", ["mass"]),
        WordRow("connecticut", ["conn"]),
        WordRow("arizona", ["ariz"]),
        WordRow("saint", ["st"]),
        WordRow("mount", ["mt"]),
        WordRow("fort", ["ft"]),
        WordRow("north", ["n"]),
        WordRow("south", ["s"]),
        WordRow("east", ["e"]),
        WordRow("west", ["w"]),
        WordRow("northeast", ["ne"]),
        WordRow("northwest", ["nw"]),
        WordRow("southeast", ["se"]),
        WordRow("southwest", ["sw"]),
        WordRow("southern", ["so"]),
    ]
}
