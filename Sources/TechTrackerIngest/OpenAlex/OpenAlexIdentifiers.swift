/// Shortening of the URL-shaped identifiers OpenAlex writes (`https://openalex.org/W2741809807`,
/// `https://doi.org/10.7717/…`, `https://ror.org/05ppvf150`), done on the raw bytes so the
/// long form never becomes a `String`.
enum OpenAlexIdentifiers {
    /// Prefixes of OpenAlex entity ids.
    private static let entityPrefixes: [StaticString] = ["https://openalex.org/", "http://openalex.org/"]
    /// Prefixes of DOIs written as URLs or URNs.
    private static let doiPrefixes: [StaticString] = [
        "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:",
    ]
    /// Prefixes of ROR ids.
    private static let rorPrefixes: [StaticString] = ["https://ror.org/", "http://ror.org/"]

    /// An OpenAlex entity id (`A…`, `I…`, `W…`) without its URL prefix; the short form is
    /// accepted as is.
    static func entityID(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: dropping(entityPrefixes, from: bytes), as: UTF8.self)
    }

    /// The short work id (`W2741809807`) when `bytes` is an OpenAlex work id in long or short
    /// form: `W` followed by 1 to 19 digits. `nil` otherwise.
    static func workID(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let short = dropping(entityPrefixes, from: bytes)
        guard short.count >= 2, short.count <= 20, short[0] == UInt8(ascii: "W") else { return nil }
        for byte in short.dropFirst() where byte &- UInt8(ascii: "0") >= 10 { return nil }
        return String(decoding: short, as: UTF8.self)
    }

    /// A DOI without its resolver prefix; `nil` when nothing is left.
    static func doi(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let short = dropping(doiPrefixes, from: bytes)
        return short.isEmpty ? nil : String(decoding: short, as: UTF8.self)
    }

    /// A ROR id without its URL prefix; `nil` when nothing is left.
    static func ror(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let short = dropping(rorPrefixes, from: bytes)
        return short.isEmpty ? nil : String(decoding: short, as: UTF8.self)
    }

    /// `bytes` without the first of `prefixes` it starts with (unchanged if none).
    private static func dropping(
        _ prefixes: [StaticString], from bytes: UnsafeBufferPointer<UInt8>
    )
        -> UnsafeBufferPointer<UInt8>
    {
        for prefix in prefixes where hasPrefix(bytes, prefix) {
            return UnsafeBufferPointer(rebasing: bytes[prefix.utf8CodeUnitCount...])
        }
        return bytes
    }

    @inline(__always)
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let expected = prefix.utf8Start
        for index in 0..<count where bytes[index] != expected[index] { return false }
        return true
    }
}
