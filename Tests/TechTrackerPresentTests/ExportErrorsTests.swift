import Foundation
import TestScratch
import Testing
import TechTrackerCore
@testable import TechTrackerPresent

/// Export failures say what failed and where, in words: never a Foundation error dump, never
/// a temporary name, and never a half-written set of files.
struct ExportErrorsTests {
    static func folder() throws -> String {
        let path = TestScratch.url("export-errors")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func aFileWhereTheFolderShouldBeIsNamed() throws {
        let base = try Self.folder()
        let file = base + "/taken"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(
            message { try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: file) }
                == "cannot create folder \(file): a file is in the way")
        #expect(
            message { try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: file + "/below/out") }
                == "cannot create folder \(file)/below/out: a file is in the way (\(file))")
        // A relative path is reported as written (climbing from the working folder to the root).
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + file.dropFirst()
        #expect(
            message { try ResultsExporter.createFolder(relative + "/x") }
                == "cannot create folder \(relative)/x: a file is in the way (\(relative))")
    }

    @Test func missingParentsAreCreatedAndAnExistingFolderIsFine() throws {
        let base = try Self.folder()
        try ResultsExporter.createFolder(base + "/a/./b//c/")
        try ResultsExporter.createFolder(base + "/a/b/c")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: base + "/a/b/c", isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// `/dev/full` fails every write with ENOSPC, as a full disk does.
    @Test func aFullDiskNamesTheFinalFile() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        #expect(
            message {
                try ResultsExporter.writeSynced(
                    Data(repeating: 65, count: 1 << 16), to: "/dev/full", reportedAs: "out/country_shares.csv")
            }
                == "cannot write out/country_shares.csv: no space left on device")
    }

    @Test func aFailedRenameNamesTheFileAndLeavesNoTemporaries() throws {
        let base = try Self.folder()
        try FileManager.default.createDirectory(
            atPath: base + "/headline.csv/inside", withIntermediateDirectories: true)
        let error = message { try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: base) }
        #expect(error == "cannot write \(base)/headline.csv: a folder is in the way")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    /// Root writes anywhere: the check runs only for other users.
    @Test(.enabled(if: getuid() != 0)) func anUnwritableFolderIsPermissionDenied() throws {
        let base = try Self.folder()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: base)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base) }
        #expect(
            message { try ResultsExporter.write(UnitsFixture.results(), format: .csv, to: base) }
                == "cannot write \(base)/country_shares.csv: permission denied")
        #expect(
            message { try ResultsExporter.createFolder(base + "/sub") }
                == "cannot create folder \(base)/sub: permission denied")
    }

    @Test func systemErrorsReadAsWords() {
        #expect(ResultsExporter.reason(errno: EACCES) == "permission denied")
        #expect(ResultsExporter.reason(errno: ENOSPC) == "no space left on device")
        #expect(ResultsExporter.reason(errno: EROFS) == "read-only file system")
        #expect(ResultsExporter.reason(errno: ENOTDIR) == "a file is in the way")
        #expect(ResultsExporter.reason(errno: EMFILE) == "too many open files")
    }

    @Test func extraFilesJoinTheSameAllOrNothingWrite() throws {
        let base = try Self.folder()
        var files = try ResultsExporter.files(UnitsFixture.results(), format: .json, in: base)
        files.append((base + "/memberships.json", Data("[\n]\n".utf8)))
        try ResultsExporter.writeAll(files)
        let names = try FileManager.default.contentsOfDirectory(atPath: base).sorted()
        #expect(
            names == [
                "country_shares.json", "headline.json", "institutions.json", "memberships.json", "mobility.json",
                "mobility_gains.json", "settings.json", "technology_summary.json",
            ])
    }
}
