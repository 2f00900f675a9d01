import Foundation

/// File names and the manifest of an OpenAlex-style snapshot: parts are spread over up to
/// three `updated_date=` folders, numbered from `part_000` in each, as OpenAlex does.
struct SnapshotLayout: Sendable {
    let root: String
    let parts: Int
    let compressionLevel: Int32
    /// (year, month, day) of each folder: March of the year after the last publication year,
    /// so every `created_date` precedes it.
    let folderDates: [(Int, Int, Int)]

    init(root: String, configuration: SyntheticCorpusConfiguration) {
        self.root = root
        parts = configuration.resolvedParts
        compressionLevel = configuration.compressionLevel
        folderDates = (0..<min(3, parts)).map { (configuration.toYear + 1, 3, 2 + 7 * $0) }
    }

    var worksDirectory: String { root + "/data/works" }
    var manifestPath: String { worksDirectory + "/manifest" }

    func folder(ofPart part: Int) -> Int { part % folderDates.count }

    func folderName(_ folder: Int) -> String {
        let (year, month, day) = folderDates[folder]
        return "updated_date=\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    func partName(_ part: Int) -> String {
        let number = String(part / folderDates.count)
        return "part_" + String(repeating: "0", count: max(0, 3 - number.count)) + number + ".gz"
    }

    func partPath(_ part: Int) -> String {
        worksDirectory + "/" + folderName(folder(ofPart: part)) + "/" + partName(part)
    }

    /// Creates the folders and removes part files and a manifest left by an earlier run
    /// (only names this layout writes: other files are left alone).
    func prepareDirectories() throws {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: worksDirectory, withIntermediateDirectories: true)
            for entry in try files.contentsOfDirectory(atPath: worksDirectory) where entry.hasPrefix("updated_date=") {
                let folder = worksDirectory + "/" + entry
                for file in (try? files.contentsOfDirectory(atPath: folder)) ?? []
                where file.hasPrefix("part_") && file.hasSuffix(".gz") {
                    try files.removeItem(atPath: folder + "/" + file)
                }
                if (try? files.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                    try files.removeItem(atPath: folder)
                }
            }
            if files.fileExists(atPath: manifestPath) { try files.removeItem(atPath: manifestPath) }
            for folder in folderDates.indices {
                try files.createDirectory(
                    atPath: worksDirectory + "/" + folderName(folder), withIntermediateDirectories: true)
            }
        } catch {
            throw SyntheticCorpusError.io("\(worksDirectory): \(error.localizedDescription)")
        }
    }

    /// Writes OpenAlex's manifest: one entry per part (S3 URL, compressed size, records),
    /// sorted by folder then part, and the totals.
    /// Part numbers in manifest order: by folder, then by number within the folder.
    var manifestOrder: [Int] {
        (0..<parts).sorted { (folder(ofPart: $0), $0) < (folder(ofPart: $1), $1) }
    }

    func writeManifest(_ outcomes: [PartOutcome]) throws {
        let entries = manifestOrder.map { part in
            "{\"url\":\"s3://openalex/data/works/\(folderName(folder(ofPart: part)))/\(partName(part))\","
                + "\"meta\":{\"content_length\":\(outcomes[part].compressedBytes),"
                + "\"record_count\":\(outcomes[part].records)}}"
        }
        let totalBytes = outcomes.reduce(0) { $0 + $1.compressedBytes }
        let totalRecords = outcomes.reduce(0) { $0 + $1.records }
        let text =
            "{\"entries\":[\n" + entries.joined(separator: ",\n")
            + "\n],\"meta\":{\"content_length\":\(totalBytes),\"record_count\":\(totalRecords)}}\n"
        do {
            try text.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        } catch {
            throw SyntheticCorpusError.io("\(manifestPath): \(error.localizedDescription)")
        }
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
