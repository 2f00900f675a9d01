import TechTrackerCore

/// Readers for `authorships[]`: position, author, institutions and countries.
extension OpenAlexTextReader {
    /// `authorships[]` in byline order; null items are dropped; more than
    /// `OpenAlexLimits.maximumAuthorships` items are a field problem.
    mutating func readAuthorships() throws(JSONError) -> [Authorship] {
        var authorships: [Authorship] = []
        _ = try scanner.peekValueStart()
        let listStart = scanner.position
        guard try nextValueOpens(UInt8(ascii: "["), field: "authorships"),
            try scanner.beginArray()
        else { return authorships }
        var count = 0
        repeat {
            count += 1
            guard
                keepsItem(
                    count, limit: OpenAlexLimits.maximumAuthorships, field: "authorships",
                    listStart: listStart)
            else {
                try scanner.skipValue()
                continue
            }
            guard try nextValueOpens(UInt8(ascii: "{"), field: "authorships[]") else { continue }
            authorships.append(try readAuthorship())
        } while try scanner.nextElement()
        return authorships
    }

    /// One authorship object, its `{` next.
    private mutating func readAuthorship() throws(JSONError) -> Authorship {
        var authorship = Authorship()
        var nextKey = try scanner.beginObject()
        while let key = nextKey {
            if scanner.span(key, equals: "author_position") {
                if let span = try readStringSpan(field: "authorships[].author_position") {
                    authorship.position = authorPosition(span)
                }
            } else if scanner.span(key, equals: "author") {
                if try nextValueOpens(UInt8(ascii: "{"), field: "authorships[].author") {
                    try readAuthor(into: &authorship)
                }
            } else if scanner.span(key, equals: "institutions") {
                authorship.institutions = try readInstitutions()
            } else if scanner.span(key, equals: "countries") {
                authorship.countries = try readCountries()
            } else {
                try scanner.skipValue()
            }
            nextKey = try scanner.nextKey()
        }
        return authorship
    }

    /// `first` / `middle` / `last`, compared on the raw bytes; anything else is `middle`.
    private mutating func authorPosition(_ span: JSONStringSpan) -> AuthorPosition {
        if scanner.span(span, equals: "first") { return .first }
        if scanner.span(span, equals: "last") { return .last }
        return .middle
    }

    /// The `author` object: its id (short form) and display name.
    private mutating func readAuthor(into authorship: inout Authorship) throws(JSONError) {
        var nextKey = try scanner.beginObject()
        while let key = nextKey {
            if scanner.span(key, equals: "id") {
                if let span = try readStringSpan(field: "authorships[].author.id") {
                    let id = withBytes(of: span, OpenAlexIdentifiers.entityID)
                    authorship.authorID = id.isEmpty ? nil : id
                }
            } else if scanner.span(key, equals: "display_name") {
                authorship.authorName = try readString(field: "authorships[].author.display_name") ?? ""
            } else {
                try scanner.skipValue()
            }
            nextKey = try scanner.nextKey()
        }
    }

    /// `institutions[]`; null items are dropped; more than
    /// `OpenAlexLimits.maximumInstitutionsPerAuthorship` items are a field problem.
    private mutating func readInstitutions() throws(JSONError) -> [Institution] {
        var institutions: [Institution] = []
        _ = try scanner.peekValueStart()
        let listStart = scanner.position
        guard try nextValueOpens(UInt8(ascii: "["), field: "authorships[].institutions"),
            try scanner.beginArray()
        else { return institutions }
        var count = 0
        repeat {
            count += 1
            guard
                keepsItem(
                    count, limit: OpenAlexLimits.maximumInstitutionsPerAuthorship,
                    field: "authorships[].institutions", listStart: listStart)
            else {
                try scanner.skipValue()
                continue
            }
            guard try nextValueOpens(UInt8(ascii: "{"), field: "authorships[].institutions[]") else { continue }
            institutions.append(try readInstitution())
        } while try scanner.nextElement()
        return institutions
    }

    /// One institution object, its `{` next.
    private mutating func readInstitution() throws(JSONError) -> Institution {
        var institution = Institution(id: "")
        var nextKey = try scanner.beginObject()
        while let key = nextKey {
            switch keyLength(key) {
            case 2 where scanner.span(key, equals: "id"):
                if let span = try readStringSpan(field: "authorships[].institutions[].id") {
                    institution.id = withBytes(of: span, OpenAlexIdentifiers.entityID)
                }
            case 12 where scanner.span(key, equals: "display_name"):
                institution.name = try readString(field: "authorships[].institutions[].display_name") ?? ""
            case 3 where scanner.span(key, equals: "ror"):
                if let span = try readStringSpan(field: "authorships[].institutions[].ror") {
                    institution.ror = withBytes(of: span, OpenAlexIdentifiers.ror)
                }
            case 12 where scanner.span(key, equals: "country_code"):
                if let span = try readStringSpan(field: "authorships[].institutions[].country_code") {
                    institution.country = withBytes(of: span, countryCode)
                }
            case 4 where scanner.span(key, equals: "type"):
                institution.type = try readString(field: "authorships[].institutions[].type")
            default:
                try scanner.skipValue()
            }
            nextKey = try scanner.nextKey()
        }
        return institution
    }

    /// `countries[]` as country codes; null and invalid codes are dropped.
    private mutating func readCountries() throws(JSONError) -> [CountryCode] {
        var countries: [CountryCode] = []
        guard try nextValueOpens(UInt8(ascii: "["), field: "authorships[].countries"),
            try scanner.beginArray()
        else { return countries }
        repeat {
            if let span = try readStringSpan(field: "authorships[].countries[]"),
                let code = withBytes(of: span, countryCode)
            {
                countries.append(code)
            }
        } while try scanner.nextElement()
        return countries
    }
}

/// A two-letter country code from its bytes; `nil` for anything else.
private func countryCode(_ bytes: UnsafeBufferPointer<UInt8>) -> CountryCode? {
    guard bytes.count == 2 else { return nil }
    return CountryCode(asciiFirst: bytes[0], second: bytes[1])
}
