import Foundation

/// An OpenAlex snapshot's `manifest`: the parts of an entity folder and their record counts.
/// Ingest checks what it read against it, so a part lost in a download is noticed.
public struct SnapshotManifest: Sendable, Equatable {
    /// One listed part.
    public struct Entry: Sendable, Equatable {
        /// The part's location as listed, e.g. `s3://openalex/data/works/updated_date=2025-01-01/part_000.gz`.
        var url: String
        /// Records the part holds.
        public var recordCount: Int
    }

    /// The listed parts.
    public var entries: [Entry]

    /// Reads a manifest file (small JSON: Foundation's parser is fine here).
    public init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = object["entries"] as? [[String: Any]]
        else {
            throw IngestError.unreadable(path: path, reason: "not an OpenAlex manifest (no \"entries\" list)")
        }
        self.entries = entries.compactMap { entry in
            guard let url = entry["url"] as? String,
                let meta = entry["meta"] as? [String: Any],
                let count = meta["record_count"] as? Int
            else { return nil }
            return Entry(url: url, recordCount: count)
        }
    }

    /// The entry whose location ends like `path` does (`updated_date=…/part_NNN.gz`).
    public func entry(matching path: String) -> Entry? {
        let tail = path.split(separator: "/").suffix(2).joined(separator: "/")
        return entries.first { $0.url.hasSuffix("/" + tail) }
    }
}
