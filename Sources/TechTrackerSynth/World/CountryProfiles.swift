/// The families of personal names the synthetic authors get, by country of first affiliation.
enum NameRegion: Int, Sendable, CaseIterable {
    case chinese, indian, japanese, korean, anglo, german, french, italian, hispanic, portuguese,
        slavic, arabic, persian, turkish, nordic, dutch, greek, hebrew, southeastAsian, southAsianMuslim, african
}

/// How institutions of a country are usually named (local forms, as OpenAlex displays them).
enum NamingStyle: Sendable {
    case english, german, french, spanish, italian, portuguese, dutch, nordic
}

/// One country of the synthetic world: what its people and institutions are called and how
/// much research it publishes, and of what citation impact, at the two ends of the period.
struct CountryProfile: Sendable {
    /// ISO 3166-1 alpha-2 code.
    let code: String
    /// English short name, as raw affiliation strings end.
    let name: String
    /// Adjective for national bodies ("Chinese Academy of Sciences").
    let adjective: String
    let names: NameRegion
    let style: NamingStyle
    /// Real cities, largest research centres first.
    let cities: [String]
    /// Share of world research output (percent) in 2003 and in 2024; interpolated between.
    let output2003: Double
    let output2024: Double
    /// Citation impact relative to the world (1 = world average) in 2003 and in 2024.
    let quality2003: Double
    let quality2024: Double
}

/// The ~60 countries, largest producers first. Figures follow the broad public record of
/// publication output and field-normalised impact (Nature Index, Leiden Ranking, NSF
/// indicators); they are calibration inputs, not measurements.
enum CountryProfiles {
    static let all: [CountryProfile] = [
        c(
            "CN", "China", "Chinese", .chinese, .english,
            [
                "Beijing", "Shanghai", "Nanjing", "Wuhan", "Hangzhou", "Guangzhou", "Xi'an", "Chengdu", "Harbin",
                "Tianjin",
                "Hefei", "Changsha", "Shenzhen", "Jinan", "Dalian", "Chongqing", "Shenyang", "Qingdao", "Xiamen",
                "Suzhou",
                "Lanzhou", "Fuzhou", "Zhengzhou", "Kunming", "Changchun", "Nanchang", "Taiyuan", "Hohhot",
            ],
            9.0, 36.0, 0.55, 1.30),
        c(
            "US", "United States", "American", .anglo, .english,
            [
                "Boston", "Stanford", "Berkeley", "Pasadena", "Cambridge", "Ann Arbor", "Seattle", "Chicago", "Atlanta",
                "Austin", "Pittsburgh", "Baltimore", "New York", "Los Angeles", "San Diego", "Madison", "Urbana",
                "Princeton", "New Haven", "Houston", "Philadelphia", "Minneapolis", "Columbus", "West Lafayette",
                "Boulder", "Durham", "Tucson", "Salt Lake City", "Gainesville", "College Station",
            ],
            30.0, 15.0, 1.55, 1.35),
        c(
            "IN", "India", "Indian", .indian, .english,
            [
                "Bengaluru", "New Delhi", "Mumbai", "Chennai", "Kharagpur", "Kanpur", "Hyderabad", "Pune", "Roorkee",
                "Kolkata", "Varanasi", "Guwahati", "Tiruchirappalli", "Vellore", "Patiala", "Jaipur",
            ],
            2.5, 7.5, 0.55, 0.75),
        c(
            "DE", "Germany", "German", .german, .german,
            [
                "Munich", "Berlin", "Aachen", "Karlsruhe", "Heidelberg", "Dresden", "Stuttgart", "Hamburg", "Freiburg",
                "Göttingen", "Bonn", "Erlangen", "Darmstadt", "Jena", "Hannover", "Münster",
            ],
            6.5, 4.3, 1.25, 1.20),
        c(
            "GB", "United Kingdom", "British", .anglo, .english,
            [
                "London", "Oxford", "Cambridge", "Manchester", "Edinburgh", "Bristol", "Glasgow", "Birmingham",
                "Southampton", "Sheffield", "Leeds", "Nottingham", "Cardiff", "Belfast",
            ],
            6.5, 4.2, 1.40, 1.35),
        c(
            "JP", "Japan", "Japanese", .japanese, .english,
            [
                "Tokyo", "Kyoto", "Osaka", "Sendai", "Nagoya", "Sapporo", "Fukuoka", "Tsukuba", "Kobe", "Hiroshima",
                "Yokohama", "Chiba",
            ],
            8.5, 3.5, 0.95, 0.85),
        c(
            "KR", "South Korea", "Korean", .korean, .english,
            ["Seoul", "Daejeon", "Pohang", "Suwon", "Busan", "Ulsan", "Gwangju", "Incheon", "Daegu"],
            2.8, 3.8, 0.85, 1.00),
        c(
            "FR", "France", "French", .french, .french,
            [
                "Paris", "Grenoble", "Lyon", "Toulouse", "Marseille", "Strasbourg", "Bordeaux", "Lille", "Nantes",
                "Montpellier", "Rennes",
            ],
            4.8, 2.7, 1.20, 1.10),
        c(
            "IT", "Italy", "Italian", .italian, .italian,
            ["Milan", "Rome", "Turin", "Bologna", "Padua", "Naples", "Pisa", "Florence", "Genoa", "Trieste"],
            3.6, 3.2, 1.05, 1.05),
        c(
            "CA", "Canada", "Canadian", .anglo, .english,
            [
                "Toronto", "Montreal", "Vancouver", "Waterloo", "Ottawa", "Calgary", "Edmonton", "Quebec City",
                "Hamilton",
            ],
            3.8, 2.6, 1.30, 1.20),
        c(
            "AU", "Australia", "Australian", .anglo, .english,
            ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra", "Wollongong", "Newcastle"],
            2.2, 2.8, 1.20, 1.30),
        c(
            "ES", "Spain", "Spanish", .hispanic, .spanish,
            ["Madrid", "Barcelona", "Valencia", "Seville", "Granada", "Zaragoza", "Bilbao", "Salamanca"],
            2.8, 2.6, 1.00, 1.00),
        c(
            "BR", "Brazil", "Brazilian", .portuguese, .portuguese,
            [
                "São Paulo", "Rio de Janeiro", "Campinas", "Belo Horizonte", "Porto Alegre", "Curitiba",
                "Florianópolis",
                "Recife",
            ],
            1.6, 2.2, 0.70, 0.70),
        c(
            "IR", "Iran", "Iranian", .persian, .english,
            ["Tehran", "Isfahan", "Shiraz", "Mashhad", "Tabriz", "Babol"],
            0.5, 2.4, 0.50, 0.80),
        c(
            "RU", "Russia", "Russian", .slavic, .english,
            ["Moscow", "Saint Petersburg", "Novosibirsk", "Tomsk", "Kazan", "Yekaterinburg", "Nizhny Novgorod"],
            2.6, 1.6, 0.50, 0.55),
        c(
            "NL", "Netherlands", "Dutch", .dutch, .english,
            ["Delft", "Amsterdam", "Eindhoven", "Utrecht", "Leiden", "Groningen", "Twente", "Rotterdam"],
            2.1, 1.6, 1.40, 1.35),
        c(
            "CH", "Switzerland", "Swiss", .german, .german,
            ["Zurich", "Lausanne", "Geneva", "Basel", "Bern", "Villigen"],
            1.7, 1.3, 1.60, 1.50),
        c(
            "SE", "Sweden", "Swedish", .nordic, .nordic,
            ["Stockholm", "Lund", "Gothenburg", "Uppsala", "Linköping", "Umeå"],
            1.6, 1.1, 1.30, 1.25),
        c("SG", "Singapore", "Singaporean", .chinese, .english, ["Singapore"], 0.6, 1.0, 1.20, 1.55),
        c(
            "TW", "Taiwan", "Taiwanese", .chinese, .english,
            ["Taipei", "Hsinchu", "Tainan", "Taichung", "Kaohsiung"], 1.9, 1.3, 0.80, 0.85),
        c("HK", "Hong Kong", "Hong Kong", .chinese, .english, ["Hong Kong", "Kowloon"], 0.8, 1.0, 1.20, 1.40),
        c(
            "PL", "Poland", "Polish", .slavic, .english,
            ["Warsaw", "Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź"], 1.1, 1.5, 0.70, 0.80),
        c(
            "TR", "Turkey", "Turkish", .turkish, .english,
            ["Ankara", "Istanbul", "Izmir", "Bursa", "Konya", "Eskişehir"], 0.9, 1.9, 0.60, 0.75),
        c(
            "SA", "Saudi Arabia", "Saudi", .arabic, .english,
            ["Riyadh", "Jeddah", "Thuwal", "Dhahran", "Abha"], 0.15, 1.8, 0.50, 1.20),
        c(
            "BE", "Belgium", "Belgian", .dutch, .french, ["Leuven", "Ghent", "Brussels", "Liège", "Antwerp"],
            1.0, 0.8, 1.20, 1.20),
        c(
            "DK", "Denmark", "Danish", .nordic, .nordic, ["Copenhagen", "Aarhus", "Lyngby", "Odense", "Aalborg"],
            0.7, 0.7, 1.40, 1.40),
        c(
            "AT", "Austria", "Austrian", .german, .german, ["Vienna", "Graz", "Innsbruck", "Linz"], 0.7, 0.6, 1.20, 1.20
        ),
        c(
            "FI", "Finland", "Finnish", .nordic, .nordic, ["Helsinki", "Espoo", "Tampere", "Oulu", "Turku"],
            0.7, 0.5, 1.20, 1.20),
        c(
            "NO", "Norway", "Norwegian", .nordic, .nordic, ["Oslo", "Trondheim", "Bergen", "Tromsø"], 0.5, 0.5, 1.20,
            1.20),
        c(
            "IL", "Israel", "Israeli", .hebrew, .english, ["Haifa", "Tel Aviv", "Jerusalem", "Rehovot", "Beersheba"],
            0.9, 0.6, 1.30, 1.30),
        c(
            "PT", "Portugal", "Portuguese", .portuguese, .portuguese,
            ["Lisbon", "Porto", "Coimbra", "Braga", "Aveiro"],
            0.5, 0.8, 0.90, 1.00),
        c(
            "CZ", "Czech Republic", "Czech", .slavic, .english, ["Prague", "Brno", "Ostrava", "Olomouc"], 0.5, 0.6,
            0.75, 0.75),
        c(
            "GR", "Greece", "Greek", .greek, .english, ["Athens", "Thessaloniki", "Patras", "Heraklion"], 0.7, 0.6,
            0.85, 0.85),
        c("IE", "Ireland", "Irish", .anglo, .english, ["Dublin", "Cork", "Galway", "Limerick"], 0.3, 0.4, 1.10, 1.20),
        c(
            "NZ", "New Zealand", "New Zealand", .anglo, .english,
            ["Auckland", "Wellington", "Christchurch", "Dunedin"],
            0.3, 0.3, 1.10, 1.10),
        c(
            "MY", "Malaysia", "Malaysian", .southeastAsian, .english,
            ["Kuala Lumpur", "Penang", "Johor Bahru", "Serdang"],
            0.2, 1.0, 0.60, 0.85),
        c(
            "PK", "Pakistan", "Pakistani", .southAsianMuslim, .english, ["Islamabad", "Lahore", "Karachi", "Peshawar"],
            0.15, 1.2, 0.50, 0.85),
        c(
            "EG", "Egypt", "Egyptian", .arabic, .english, ["Cairo", "Alexandria", "Giza", "Mansoura"], 0.3, 1.1, 0.50,
            0.80),
        c(
            "MX", "Mexico", "Mexican", .hispanic, .spanish, ["Mexico City", "Monterrey", "Guadalajara", "Puebla"],
            0.6, 0.7, 0.65, 0.65),
        c(
            "ZA", "South Africa", "South African", .african, .english,
            ["Johannesburg", "Cape Town", "Pretoria", "Durban", "Stellenbosch"], 0.4, 0.6, 0.80, 0.80),
        c(
            "TH", "Thailand", "Thai", .southeastAsian, .english, ["Bangkok", "Chiang Mai", "Khon Kaen"], 0.3, 0.5, 0.70,
            0.70),
        c(
            "AR", "Argentina", "Argentine", .hispanic, .spanish, ["Buenos Aires", "Córdoba", "La Plata", "Rosario"],
            0.4, 0.3, 0.65, 0.65),
        c(
            "CL", "Chile", "Chilean", .hispanic, .spanish, ["Santiago", "Valparaíso", "Concepción"], 0.25, 0.4, 0.80,
            0.80),
        c("CO", "Colombia", "Colombian", .hispanic, .spanish, ["Bogotá", "Medellín", "Cali"], 0.1, 0.35, 0.60, 0.60),
        c(
            "VN", "Vietnam", "Vietnamese", .southeastAsian, .english, ["Hanoi", "Ho Chi Minh City", "Da Nang"],
            0.05, 0.5, 0.60, 0.90),
        c(
            "ID", "Indonesia", "Indonesian", .southeastAsian, .english,
            ["Jakarta", "Bandung", "Yogyakarta", "Surabaya"],
            0.05, 0.6, 0.50, 0.60),
        c(
            "NG", "Nigeria", "Nigerian", .african, .english, ["Lagos", "Ibadan", "Nsukka", "Zaria"], 0.1, 0.4, 0.50,
            0.60),
        c("UA", "Ukraine", "Ukrainian", .slavic, .english, ["Kyiv", "Kharkiv", "Lviv", "Odesa"], 0.4, 0.3, 0.50, 0.50),
        c(
            "RO", "Romania", "Romanian", .slavic, .english, ["Bucharest", "Cluj-Napoca", "Iași", "Timișoara"],
            0.3, 0.5, 0.60, 0.60),
        c("HU", "Hungary", "Hungarian", .slavic, .english, ["Budapest", "Szeged", "Debrecen"], 0.35, 0.3, 0.80, 0.80),
        c("SK", "Slovakia", "Slovak", .slavic, .english, ["Bratislava", "Košice"], 0.2, 0.2, 0.65, 0.65),
        c("HR", "Croatia", "Croatian", .slavic, .english, ["Zagreb", "Split", "Rijeka"], 0.15, 0.15, 0.60, 0.60),
        c("SI", "Slovenia", "Slovenian", .slavic, .english, ["Ljubljana", "Maribor"], 0.15, 0.2, 0.80, 0.80),
        c("RS", "Serbia", "Serbian", .slavic, .english, ["Belgrade", "Novi Sad", "Niš"], 0.1, 0.25, 0.60, 0.60),
        c(
            "BD", "Bangladesh", "Bangladeshi", .southAsianMuslim, .english, ["Dhaka", "Chittagong", "Rajshahi"],
            0.05, 0.4, 0.50, 0.70),
        c(
            "AE", "United Arab Emirates", "Emirati", .arabic, .english, ["Abu Dhabi", "Dubai", "Sharjah", "Al Ain"],
            0.05, 0.5, 0.70, 1.10),
        c("QA", "Qatar", "Qatari", .arabic, .english, ["Doha"], 0.02, 0.3, 0.80, 1.20),
        c(
            "DZ", "Algeria", "Algerian", .arabic, .french, ["Algiers", "Oran", "Constantine", "Sétif"], 0.1, 0.4, 0.50,
            0.50),
        c(
            "TN", "Tunisia", "Tunisian", .arabic, .french, ["Tunis", "Sfax", "Sousse", "Monastir"], 0.1, 0.3, 0.50, 0.50
        ),
        c(
            "MA", "Morocco", "Moroccan", .arabic, .french, ["Rabat", "Casablanca", "Marrakesh", "Fez"], 0.1, 0.35, 0.50,
            0.50),
    ]

    /// Index of a code in `all` (nil for codes outside the synthetic world).
    static func index(of code: String) -> Int? {
        all.firstIndex { $0.code == code }
    }

    private static func c(
        _ code: String, _ name: String, _ adjective: String, _ names: NameRegion, _ style: NamingStyle,
        _ cities: [String], _ output2003: Double, _ output2024: Double, _ quality2003: Double, _ quality2024: Double
    ) -> CountryProfile {
        CountryProfile(
            code: code, name: name, adjective: adjective, names: names, style: style, cities: cities,
            output2003: output2003, output2024: output2024, quality2003: quality2003, quality2024: quality2024)
    }
}
