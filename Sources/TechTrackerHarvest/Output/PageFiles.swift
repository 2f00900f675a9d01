import Foundation
import TechTrackerGzip

/// Where a harvest's pages go and how each is written: one gzipped JSON Lines file per page,
/// `OUT/works/TECHNOLOGY/partN-pageNNNNNN.jsonl.gz`, one work per line as the API sent it.
/// `techtracker ingest OUT` reads them (gzip is recognised by content, `.gz` files are searched
/// for in folders).
struct PageFiles: Sendable {
    /// The output folder.
    let folder: String

    /// The folder the pages go in.
    var worksFolder: String { folder + "/works" }

    /// The file of page `page` (from 1) of part `part` of `technology`'s search.
    func path(technology: String, part: Int, page: Int) -> String {
        worksFolder + "/\(technology)/" + name(part: part, page: page)
    }

    private func name(part: Int, page: Int) -> String {
        let number = String(page)
        return "part\(part)-page" + String(repeating: "0", count: max(0, 6 - number.count)) + number + ".jsonl.gz"
    }

    /// Writes the results of `page` to `path` durably: under a temporary name, flushed to disk,
    /// then renamed into place. A crash leaves either the whole file or no file by that name.
    func write(_ page: APIPage, to path: String) throws(HarvestError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw HarvestError.failure("cannot create folder \(folder): \(error.localizedDescription)")
            }
            // The new folders' names must be on disk before a page in them is recorded.
            try DurableFiles.sync(folder: worksFolder)
            try DurableFiles.sync(folder: self.folder)
        }
        let partial = path + ".partial"
        do {
            let writer = try GzipFileWriter(path: partial, level: 6)
            var buffer: [UInt8] = []
            for index in page.results.indices {
                buffer.append(contentsOf: page.line(index))
                buffer.append(0x0A)
                if buffer.count >= 1 << 20 {
                    try writer.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try writer.write(buffer)
            try writer.close(syncing: true)
        } catch {
            throw HarvestError.failure("cannot write \(partial): \(error)")
        }
        try DurableFiles.rename(partial, to: path)
    }

    /// Removes what an interrupted run may have left that no checkpoint records: unfinished
    /// files (`.partial`, `.tmp`) and pages past each request's recorded count (written, then
    /// interrupted before the checkpoint said so; they are fetched again).
    func removeUnrecorded(pagesDone: [RequestKey: Int]) throws(HarvestError) {
        let manager = FileManager.default
        guard let technologies = try? manager.contentsOfDirectory(atPath: worksFolder) else { return }
        for technology in technologies.sorted() {
            let technologyFolder = worksFolder + "/" + technology
            guard let names = try? manager.contentsOfDirectory(atPath: technologyFolder) else { continue }
            for name in names.sorted() {
                let recorded: Bool
                if let (part, page) = Self.parse(name: name) {
                    recorded = page <= pagesDone[RequestKey(technology: technology, part: part), default: 0]
                } else {
                    recorded = !(name.hasSuffix(".partial") || name.hasSuffix(".tmp"))
                }
                guard !recorded else { continue }
                do {
                    try manager.removeItem(atPath: technologyFolder + "/" + name)
                } catch {
                    throw HarvestError.failure(
                        "cannot remove \(technologyFolder)/\(name): \(error.localizedDescription)")
                }
            }
        }
    }

    /// The first page file `progress` records that is not there (removed since it was written),
    /// or `nil` when all are.
    func firstMissing(_ progress: [HarvestCheckpoint.RequestProgress]) -> String? {
        for request in progress where request.pages > 0 {
            for page in 1...request.pages {
                let path = path(technology: request.technology, part: request.part, page: page)
                if !FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The part and page of a page file's name, or `nil` for another name.
    static func parse(name: String) -> (part: Int, page: Int)? {
        guard name.hasPrefix("part"), name.hasSuffix(".jsonl.gz") else { return nil }
        let middle = name.dropFirst(4).dropLast(9)
        let pieces = middle.split(separator: "-page", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2, let part = Int(pieces[0]), let page = Int(pieces[1]), part > 0, page > 0 else {
            return nil
        }
        return (part, page)
    }
}

/// A request by its technology and part.
struct RequestKey: Hashable, Sendable {
    var technology: String
    var part: Int
}
