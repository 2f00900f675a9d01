/// Where a work's record came from. Stored with every work so that every output can say
/// which data it rests on (and print SYNTHETIC DATA when it rests on generated records).
public enum WorkSource: String, Sendable, CaseIterable, Codable {
    /// An OpenAlex snapshot, API page or single work.
    case openalex
    /// A record written by `techtracker generate`: not real bibliographic data.
    case synthetic
    /// A Web of Science export.
    case wos
    /// A Scopus export.
    case scopus
}
