extension CountrySpellings {
    /// Country names as Web of Science and Scopus write them in affiliation addresses, where they
    /// differ from the ISO names, and the names authors commonly put in their own address lines.
    ///
    /// Web of Science abbreviates long names to 15 characters (`"Cent Afr Republ"`), names the
    /// constituent countries of the United Kingdom, and writes US addresses as `"MA 02215 USA"`
    /// (the state and ZIP are read by ``AddressCountry``, not listed here). Scopus mostly uses
    /// ISO-like names. A spelling that is an ISO name once folded (`"Turkiye"`, `"Guinea Bissau"`,
    /// `"United States"`) is not repeated here. Names of states that no longer exist (USSR,
    /// Yugoslavia, Czechoslovakia, East Germany) are deliberately absent: their successors are
    /// several countries, so an address naming them stays unrecognised rather than guessed.
    static let databaseSpellings: [(code: String, spelling: String)] = [
        // United States: Web of Science writes "USA" (after the state code and ZIP), Scopus
        // "United States".
        ("US", "USA"),
        ("US", "US"),
        // United Kingdom: Web of Science names the constituent country, never the state.
        ("GB", "UK"),
        ("GB", "England"),
        ("GB", "Scotland"),
        ("GB", "Wales"),
        ("GB", "North Ireland"),
        ("GB", "Northern Ireland"),
        ("GB", "Great Britain"),
        // China, and the places that keep their own codes even when an address adds ", China".
        ("CN", "Peoples R China"),
        ("CN", "P.R. China"),
        ("CN", "Mainland China"),
        ("TW", "Taiwan, ROC"),
        ("TW", "Taiwan R.O.C."),
        ("TW", "Taiwan, China"),
        ("HK", "Hong Kong SAR"),
        ("HK", "Hong Kong, China"),
        ("HK", "Hong Kong SAR, China"),
        ("MO", "Macau"),
        ("MO", "Macao SAR"),
        ("MO", "Macao, China"),
        ("MO", "Macau, China"),
        // The two Koreas: "Korea" alone is the Republic, as in both databases.
        ("KR", "Korea"),
        ("KR", "S Korea"),
        ("KR", "Republic of Korea"),
        ("KR", "Rep. of Korea"),
        ("KR", "Korea Rep"),
        ("KR", "Korea (South)"),
        ("KR", "Korea, South"),
        ("KP", "Dem People's Rep. Korea"),
        ("KP", "DPR Korea"),
        ("KP", "Korea (North)"),
        ("KP", "Korea, North"),
        // Middle East and Europe.
        ("AE", "U Arab Emirates"),
        ("AE", "UAE"),
        ("TR", "Turkey"),
        ("RU", "Russia"),
        ("MK", "Macedonia"),
        ("MK", "FYR Macedonia"),
        ("MK", "Macedonia, the former Yugoslav Republic of"),
        ("BA", "Bosnia & Herceg"),
        ("BA", "Bosnia Herzegovina"),
        ("NL", "The Netherlands"),
        ("DE", "Fed Rep Ger"),
        ("VA", "Vatican"),
        ("VA", "Vatican City"),
        ("VA", "Holy See"),
        ("PS", "Palestine"),
        ("PS", "State of Palestine"),
        ("PS", "Palestinian Territory"),
        // Older Web of Science addresses in Gaza and the West Bank: "…, Palestinian Aut, Israel".
        ("PS", "Palestinian Aut, Israel"),
        ("LY", "Libyan Arab Jamahiriya"),
        // Kosovo has no ISO 3166-1 code; XK is the user-assigned code the European Commission,
        // the IMF and SWIFT use, so its research is counted apart from Serbia's.
        ("XK", "Kosovo"),
        // Asia and the Pacific.
        ("LA", "Lao PDR"),
        ("BN", "Brunei"),
        ("MM", "Burma"),
        ("TL", "East Timor"),
        ("PG", "Papua N Guinea"),
        ("FM", "Micronesia"),
        ("FM", "Fed States Micronesia"),
        ("PF", "Fr Polynesia"),
        ("SB", "Solomon Isl"),
        ("MH", "Marshall Isl"),
        // Africa. Web of Science tells the two Congos apart as "Dem Rep Congo" and "Rep Congo";
        // "Congo" alone is the Republic of the Congo, as in ISO 3166-1.
        ("CD", "Dem Rep Congo"),
        ("CD", "Democratic Republic Congo"),
        ("CD", "Democratic Republic of the Congo"),
        ("CD", "DR Congo"),
        ("CD", "Congo (Kinshasa)"),
        ("CG", "Rep Congo"),
        ("CG", "Congo (Brazzaville)"),
        ("CF", "Cent Afr Republ"),
        ("CI", "Cote Ivoire"),
        ("CI", "Ivory Coast"),
        ("SZ", "Swaziland"),
        ("GQ", "Equat Guinea"),
        ("ST", "Sao Tome & Prin"),
        ("CV", "Cape Verde"),
        ("GM", "The Gambia"),
        // The Americas and the Atlantic.
        ("TT", "Trinid & Tobago"),
        ("KN", "St Kitts & Nevi"),
        ("KN", "St Kitts and Nevis"),
        ("LC", "St Lucia"),
        ("VC", "St Vincent"),
        ("VC", "St Vincent & Grenadines"),
        ("AG", "Antigua & Barbu"),
        ("FK", "Falkland Island"),
        ("FK", "Falkland Islands"),
        ("GF", "Fr Guiana"),
        ("DO", "Dominican Rep"),
        ("TC", "Turks & Caicos"),
        ("VG", "Br Virgin Isl"),
        ("VI", "US Virgin Isl"),
    ]
}
