import Foundation
import TechTrackerPresent
import TechTrackerStore

/// `memberships.csv` / `.json`: technology, work_id (the source's id: OpenAlex W-id, later a
/// WoS UT or a Scopus EID), sorted by technology then work id.
enum MembershipExport {
    static func write(store: WorkStore, format: ResultsExporter.Format, to directory: String) throws -> String {
        let ids = Dictionary(uniqueKeysWithValues: try store.sourceIDs().map { ($0.rowID, $0.sourceID) })
        let rows = try store.memberships().compactMap { membership in ids[membership.rowID].map { (membership.technology, $0) } }
            .sorted { $0 < $1 }
        let path = directory + "/memberships.\(format.rawValue)"
        var text: String
        switch format {
        case .csv:
            text = "technology,work_id\n"
            for (technology, work) in rows { text += "\(technology),\(work)\n" }
        case .json:
            text = "[\n" + rows.map { #"{"technology":"\#($0.0)","work_id":"\#($0.1)"}"# }.joined(separator: ",\n") + (rows.isEmpty ? "" : "\n") + "]\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
