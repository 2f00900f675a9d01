import Testing
import TechTrackerCore
@testable import TechTrackerIngest

/// The country of a Web of Science or Scopus affiliation address: the database spellings, the
/// US form, the traps of country names inside organisation names, and the table itself.
@Suite struct AddressCountryTests {
    /// The code the address is credited to, as text, or `nil` when it is unrecognised.
    private func code(_ address: String) -> String? {
        AddressCountry.country(ofAddress: address).country?.description
    }

    /// Checks that each address (or bare last segment) gives its code.
    private func expectCodes(_ cases: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (address, expected) in cases {
            #expect(code(address) == expected, "\(address)", sourceLocation: sourceLocation)
        }
    }

    @Test func unitedStatesInWebOfScienceAndScopusForms() {
        expectCodes([
            ("USA", "US"),
            ("MA 02215 USA", "US"),
            ("CA USA", "US"),
            ("DC 20036 USA", "US"),
            ("CA 90720-1264 USA", "US"),
            ("Columbia Univ, Dept Phys, New York, NY 10027 USA", "US"),
            ("CUNY CITY COLL,DEPT PHYS,NEW YORK,NY 10031, USA", "US"),
            ("George Mason Univ, IST, Fairfax, VA USA", "US"),
            ("Beckman Institute, University of Illinois at Urbana-Champaign, Urbana, IL 61801, United States", "US"),
            ("Stanford Univ, Stanford, CA 94305 United States", "US"),
            ("U.S.A.", "US"),
            ("United States of America", "US"),
        ])
    }

    @Test func territoriesWithTheirOwnCodesKeepThemInTheUSForm() {
        expectCodes([("Univ Puerto Rico, San Juan, PR 00936 USA", "PR"), ("Univ Guam, Mangilao, GU 96923 USA", "GU")])
    }

    @Test func aUSFormWithAnUnknownStateOrStrayWordsIsNotGuessed() {
        #expect(AddressCountry.country(ofAddress: "Somewhere, ZZ 12345 USA") == .unrecognised(segment: "ZZ 12345 USA"))
        #expect(code("Somewhere, MA 0221 USA") == nil)
        #expect(code("Somewhere, Boston MA 02215 USA") == nil)
    }

    @Test func greaterChinaKeepsFourCodes() {
        expectCodes([
            ("Zhejiang Univ, Hangzhou 310058, Peoples R China", "CN"),
            ("Tsinghua Univ, Beijing, China", "CN"),
            ("Peking Univ, Beijing, P.R. China", "CN"),
            ("Natl Taiwan Univ, Taipei 10617, Taiwan", "TW"),
            ("Natl Tsing Hua Univ, Hsinchu, Taiwan, ROC", "TW"),
            ("Taiwan, Province of China", "TW"),
            ("Chinese Univ Hong Kong, Shatin, Hong Kong", "HK"),
            ("City University of Hong Kong, Kowloon, Hong Kong, China", "HK"),
            ("Univ Macau, Taipa, Macau", "MO"),
            ("Macau Univ Sci & Technol, Macao", "MO"),
            ("Macao, China", "MO"),
        ])
    }

    @Test func unitedKingdomInAllItsSpellings() {
        expectCodes([
            ("Univ Reading, Sch Biol Sci, Reading, England", "GB"),
            ("Heriot Watt Univ, Edinburgh EH14 4AS, Midlothian, Scotland", "GB"),
            ("Cardiff Univ, Cardiff, Wales", "GB"),
            ("Queens Univ Belfast, Belfast BT3 9DT, Antrim, North Ireland", "GB"),
            ("Ulster Univ, Coleraine, Northern Ireland", "GB"),
            ("University of Edinburgh, Edinburgh, United Kingdom", "GB"),
            ("Dept of Geog, LSE, Houghton Str, London, WC2A 2AE, UK", "GB"),
        ])
    }

    @Test func koreasAndOtherAbbreviatedNames() {
        expectCodes([
            ("South Korea", "KR"), ("KAIST, Daejeon, Korea", "KR"), ("Republic of Korea", "KR"),
            ("Seoul Natl Univ, Seoul, Korea, Republic of", "KR"), ("North Korea", "KP"),
            ("Kim Il Sung Univ, Pyongyang, Dem People's Rep. Korea", "KP"),
            ("U Arab Emirates", "AE"), ("United Arab Emirates", "AE"),
            ("Turkiye", "TR"), ("Turkey", "TR"), ("Türkiye", "TR"),
            ("Czech Republic", "CZ"), ("Czechia", "CZ"),
            ("Russia", "RU"), ("Russian Federation", "RU"),
            ("Viet Nam", "VN"), ("Vietnam", "VN"),
            ("Iran", "IR"), ("Islamic Republic of Iran", "IR"), ("Tehran, Iran, Islamic Republic of", "IR"),
            ("Bosnia & Herceg", "BA"), ("Bosnia and Herzegovina", "BA"),
            ("Trinid & Tobago", "TT"), ("Papua N Guinea", "PG"), ("Cent Afr Republ", "CF"),
            ("Dem Rep Congo", "CD"), ("Democratic Republic Congo", "CD"), ("Rep Congo", "CG"), ("Congo", "CG"),
            ("Cote Ivoire", "CI"), ("Côte d'Ivoire", "CI"), ("COTE D’IVOIRE", "CI"),
            ("Brunei", "BN"), ("Syria", "SY"), ("Laos", "LA"), ("Moldova", "MD"),
            ("Macedonia", "MK"), ("North Macedonia", "MK"), ("Eswatini", "SZ"), ("Swaziland", "SZ"),
            ("Micronesia", "FM"), ("St Kitts & Nevi", "KN"), ("St Lucia", "LC"), ("St Vincent", "VC"),
            ("Antigua & Barbu", "AG"), ("Guinea Bissau", "GW"), ("Guinea-Bissau", "GW"), ("Sao Tome & Prin", "ST"),
            ("Falkland Island", "FK"), ("Fr Polynesia", "PF"), ("Vatican", "VA"), ("Palestine", "PS"),
            ("Kosovo", "XK"),
        ])
    }

    @Test func countryNamesInsideOrganisationsAndStreetsAreIgnored() {
        expectCodes([
            ("Beth Israel Deaconess Medical Center, Boston, MA 02215, USA", "US"),
            ("Carrer de Palau, Barcelona, Spain", "ES"),
            ("New Jersey Inst Technol, Newark, NJ 07102 USA", "US"),
            ("Georgia Inst Technol, Atlanta, GA 30332 USA", "US"),
            ("Ernst & Whinney, Atlanta, GA,, USA, Ernst & Whinney, Atlanta, GA, USA", "US"),
            ("Ivane Javakhishvili Tbilisi State Univ, Tbilisi, Georgia", "GE"),
            ("Palau Community College, Koror, Palau", "PW"),
            ("Jersey General Hospital, St Helier, Jersey", "JE"),
        ])
    }

    @Test func stateNamesAndCodesWithoutTheCountryAreUnrecognised() {
        #expect(code("Georgia") == "GE")
        #expect(AddressCountry.country(ofAddress: "Rutgers, New Jersey") == .unrecognised(segment: "New Jersey"))
        #expect(code("Univ New Mexico, Albuquerque, New Mexico") == nil)
        #expect(code("Univ Sydney, Sydney, New South Wales") == nil)
        #expect(AddressCountry.country(ofAddress: "Boston Medical Center, MA") == .unrecognised(segment: "MA"))
        #expect(code("Harvard Med Sch, Boston, MA 02215") == nil)
        #expect(code("Univ Washington, Seattle, Washington") == nil)
    }

    @Test func unrecognisedSegmentsAreReportedWithTheirText() {
        #expect(
            AddressCountry.country(
                ofAddress: "Div. Psychosocial Res./Epidemiol., Netherlands Cancer Institute, Amsterdam")
                == .unrecognised(segment: "Amsterdam"))
        #expect(AddressCountry.country(ofAddress: "Moscow, USSR.") == .unrecognised(segment: "USSR"))
        #expect(AddressCountry.country(ofAddress: "Taipei, ROC") == .unrecognised(segment: "ROC"))
        #expect(AddressCountry.country(ofAddress: "Univ X, Rabat, MA").country == nil)
    }

    @Test func emptyAddressesAndAddressesWithoutCommas() {
        #expect(AddressCountry.country(ofAddress: "") == .unrecognised(segment: ""))
        #expect(AddressCountry.country(ofAddress: "  . ") == .unrecognised(segment: ""))
        #expect(
            AddressCountry.country(ofAddress: "Netherlands Cancer Institute")
                == .unrecognised(segment: "Netherlands Cancer Institute"))
        #expect(code("France") == "FR")
        #expect(code("University of Pittsburgh") == nil)
    }

    @Test func trailingPeriodsWhitespaceAndCommasAreTrimmed() {
        #expect(code("Sinop Univ, Fac Educ, Sinop, Turkey.") == "TR")
        #expect(code("Univ Huelva, Huelva, Spain.  \n") == "ES")
        #expect(code("Univ Lisbon, Lisbon,   Portugal ,") == "PT")
        #expect(code("Univ Oslo, Oslo,\tNORWAY") == "NO")
        #expect(AddressCountry.country(ofAddress: "Boston, Atlantis. ") == .unrecognised(segment: "Atlantis"))
    }

    /// Addresses copied from the Web of Science and Scopus samples, with the codes they give.
    @Test func addressesFromExportSamples() {
        expectCodes([
            ("Univ Technol Sarawak, Sch Built Environm, Jalan Univ, Sibu 96000, Sarawak, Malaysia.", "MY"),
            ("Univ Napoli Federico II, Dept Econ & Stat, Via Cintia, I-80126 Naples, Italy.", "IT"),
            ("Indian Inst Technol IIT Kharagpur, Cent Lib, Kharagpur 721302, W Bengal, India.", "IN"),
            (
                "Zhejiang Chinese Med Univ, Sch Basic Med, 548 Binwen Rd,Bldg 9, Hangzhou 310053, Zhejiang, "
                    + "Peoples R China.", "CN"
            ),
            ("Programa Posgrad Engn Biomed, Uberlandia, Brazil.", "BR"),
            ("Otto von Guericke Univ, Dept Neurol, Neurocybernet & Rehabil, Magdeburg, Germany.", "DE"),
            ("Sivas Cumhuriyet Univ, Fac Econ & Adm Sci, Informat Syst, Sivas, Turkiye", "TR"),
            ("Iran Univ Sci & Technol, Dept Elect Engn, Tehran, Iran", "IR"),
            ("Univ Ghent, Dept Informat Technol, IDLab, Imec, B-9052 Ghent, Belgium", "BE"),
            ("Natl Univ Sci & Technol POLITEHN Bucharest, Telemat & Elect Transport, Bucharest, Romania", "RO"),
            (
                "Centre de Recherche CERVO, Departement de Biochimie, Microbiologie et Bio-informatique, "
                    + "Universite Laval, 2325, rue de l'Universite, Quebec, G1V 0A6, Canada", "CA"
            ),
            ("Department of Electrical Engineering, Dayeh University, Chang-Hwa, Taiwan", "TW"),
            (
                "Sir Y.K. Pao Centre for Cancer, Department of Clinical Oncology, Chinese University of Hong Kong, "
                    + "Hong Kong, Hong Kong", "HK"
            ),
            ("Department of Information Systems, University of Haifa, Haifa, 3498838, Israel", "IL"),
            ("Department of Electrical Engineering, Chonnam National University, Gwangju, South Korea", "KR"),
            ("CRCRAMS, Moscow, Russian Federation", "RU"),
            (
                "Faculty of Chemical and Food Technology, Slovak Technical University, SK-812 37 Bratislava, Slovakia",
                "SK"
            ),
            ("Costa Rican Found. for Hlth. Sci., San José, Costa Rica", "CR"),
            ("Renstromska Hospital, Göteborg, Sweden", "SE"),
            ("Prague Charles University, Czech Republic", "CZ"),
            ("Department of Medical Oncology, National Cancer Centre, Singapore, Singapore", "SG"),
            ("Cape Town Groote Schuur Hospital, South Africa", "ZA"),
            ("School of Optometry and Vision Science, University of Cape Coast, Cape Coast, Ghana", "GH"),
            ("Department of Computer Engineering, Faculty of Engineering, Cairo University, Giza, 12613, Egypt", "EG"),
            ("10662 LOS VAQUEROS CIRCLE, PO BOX 3014, LOS ALAMITOS, CA 90720-1264 USA", "US"),
            ("445 HOES LANE, PISCATAWAY, NJ 08855-4141 USA", "US"),
        ])
    }

    @Test func tableHasNoProblemsAndCoversEveryISOEntry() {
        #expect(AddressCountry.index.problems == [])
        let iso = CountrySpellings.isoShortNames
        #expect(iso.count == 249)
        #expect(Set(iso.map(\.code)).count == 249)
        let all = iso + CountrySpellings.isoOtherNames + CountrySpellings.databaseSpellings
        for (code, spelling) in all {
            #expect(code.utf8.count == 2 && code.utf8.allSatisfy { (0x41...0x5A).contains($0) }, "\(code)")
            #expect(CountryCode(code)?.description == code, "\(code)")
            #expect(self.code(spelling) == code, "\(spelling)")
            #expect(self.code("Some Univ, Some City, \(spelling).") == code, "\(spelling) at the end of an address")
        }
    }

    @Test func spellingsFoldCaseAccentsAndPunctuation() {
        #expect(AddressCountry.key("Côte d'Ivoire") == "cote divoire")
        #expect(AddressCountry.key("  Bosnia & Herceg ") == "bosnia and herceg")
        #expect(AddressCountry.key("P.R. China") == "pr china")
        #expect(AddressCountry.key("Guinea-Bissau") == "guinea bissau")
        #expect(code("SÃO TOMÉ AND PRÍNCIPE") == "ST")
        #expect(code("united   kingdom") == "GB")
        #expect(code("Korea (South)") == "KR")
    }
}
