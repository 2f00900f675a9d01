import Foundation
import TechTrackerPresent
import TechTrackerStore

/// `memberships.csv` / `.json`: technology, work_id (the source's id: OpenAlex W-id, later a
/// WoS UT or a Scopus EID), sorted by technology then work id.
enum MembershipExport {
    /// The file's final path and bytes. It is not written here: the export command hands it to
    /// `ResultsExporter.writeAll` with the other files, so that it too goes under a temporary
    /// name first and appears all-or-nothing with them.
    static func file(
        store: WorkStore, format: ResultsExporter.Format, in directory: String
    ) throws -> (path: String, data: Data) {
        let ids = Dictionary(uniqueKeysWithValues: try store.sourceIDs().map { ($0.rowID, $0.sourceID) })
        let rows = try store.memberships().compactMap { membership in
            ids[membership.rowID].map { (membership.technology, $0) }
        }
        .sorted { $0 < $1 }
        let path = directory + "/memberships.\(format.rawValue)"
        var text: String
        switch format {
        case .csv:
            text = "technology,work_id\n"
            for (technology, work) in rows { text += "\(technology),\(work)\n" }
        case .json:
            text =
                "[\n" + rows.map { #"{"technology":"\#($0.0)","work_id":"\#($0.1)"}"# }.joined(separator: ",\n")
                + (rows.isEmpty ? "" : "\n") + "]\n"
        }
        return (path, Data(text.utf8))
    }
}
