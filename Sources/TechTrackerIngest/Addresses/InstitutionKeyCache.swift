/// The institution keys (`InstitutionName.key`) of organisations already seen by one reader: an
/// export names the same few hundred organisations again and again, and normalising a name
/// (folding, abbreviations, stop words) costs more than looking it up. One per reader thread,
/// passed `inout`, so that no lock or shared count is touched per address.
public struct InstitutionKeyCache: Sendable {
    private var keys: [String: String] = [:]
    /// Entries kept before the cache starts again, bounding its memory on a huge export.
    static let capacity = 100_000

    /// An empty cache.
    public init() {}

    /// `InstitutionName.key(organisation)`, computed once per distinct organisation.
    public mutating func key(_ organisation: String) -> String {
        if let known = keys[organisation] { return known }
        if keys.count >= Self.capacity { keys.removeAll(keepingCapacity: true) }
        let key = InstitutionName.key(organisation)
        keys[organisation] = key
        return key
    }
}
