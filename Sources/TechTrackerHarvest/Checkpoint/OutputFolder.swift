import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A harvest's output folder, held for one run: created if missing, locked against a second
/// harvest writing into it at the same time, and checked to hold this plan's harvest (or
/// nothing).
final class OutputFolder: Sendable {
    /// The folder.
    let path: String
    /// An open descriptor of the folder holding an exclusive `flock` (released on close).
    private let lock: Int32

    private init(path: String, lock: Int32) {
        self.path = path
        self.lock = lock
    }

    deinit { close(lock) }

    /// Opens `path` for `plan`: the checkpoint to continue from (a fresh one, saved, for a new
    /// or empty folder), and whether it continues an earlier run. Files an interrupted run left
    /// unrecorded are removed. A folder holding another harvest, or other files, is refused.
    static func open(
        _ path: String, plan: HarvestPlan
    ) throws(HarvestError) -> (folder: OutputFolder, checkpoint: HarvestCheckpoint, resumed: Bool) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw HarvestError("\(path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw HarvestError.failure("cannot create folder \(path): \(error.localizedDescription)")
        }
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DurableFiles.problem("cannot open folder", path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw HarvestError("another harvest is writing into \(path); wait for it to finish or stop it first")
        }
        let folder = OutputFolder(path: path, lock: descriptor)
        // A checkpoint write cut short leaves its temporary file; the checkpoint itself is whole.
        try? FileManager.default.removeItem(atPath: path + "/" + HarvestCheckpoint.fileName + ".tmp")
        let wanted = HarvestCheckpoint(plan: plan)
        guard let found = try HarvestCheckpoint.load(folder: path) else {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty else {
                throw HarvestError(
                    "\(path) is not empty and holds no harvest (no \(HarvestCheckpoint.fileName)); "
                        + "harvest into a new or empty folder")
            }
            try wanted.save(folder: path)
            return (folder, wanted, false)
        }
        guard found.fingerprint == wanted.fingerprint else {
            let differences = found.differences(from: wanted.settings)
            let what =
                differences.isEmpty
                ? "other technology queries (the taxonomy changed)" : differences.joined(separator: "; ")
            throw HarvestError(
                "\(path) holds a harvest made with other settings (\(what)); run it with the arguments it was "
                    + "started with to continue it, or harvest into another folder")
        }
        var pagesDone: [RequestKey: Int] = [:]
        for request in found.requests {
            pagesDone[RequestKey(technology: request.technology, part: request.part)] = request.pages
        }
        let files = PageFiles(folder: path)
        if let missing = files.firstMissing(found.requests) {
            throw HarvestError(
                "\(missing) is recorded in \(HarvestCheckpoint.fileName) but no longer there; "
                    + "harvest into a new folder")
        }
        try files.removeUnrecorded(pagesDone: pagesDone)
        return (folder, found, found.pages > 0 || found.requestsDone > 0)
    }
}
