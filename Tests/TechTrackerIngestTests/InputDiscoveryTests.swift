import Foundation
import TechTrackerGzip
import Testing
@testable import TechTrackerIngest
#if canImport(Glibc)
import Glibc
#endif

/// A messy input folder: FIFOs, sockets and devices named like data, symbolic link loops,
/// the same file twice, the run's own outputs, and precise errors for named paths.
@Suite struct InputDiscoveryTests {
    /// A folder with `a.jsonl` and `sub/b.json` (one small record each).
    func folderWithTwoFiles() throws -> String {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try Data(#"{"id":"W1"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/a.jsonl"))
        try Data(#"{"id":"W2"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/sub/b.json"))
        return folder
    }

    func names(_ discovery: InputDiscovery, under folder: String) -> [String] {
        discovery.files.map { String($0.path.dropFirst(folder.count + 1)) }
    }

    /// Binds a Unix socket at `path` (left open: the test process ends soon).
    func makeSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
    }

    @Test func fifosSocketsAndDevicesInAFolderAreSkippedWithAWarning() throws {
        let folder = try folderWithTwoFiles()
        #expect(mkfifo(folder + "/pipe.jsonl", 0o644) == 0)
        try makeSocket(at: folder + "/sock.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/zero.jsonl", withDestinationPath: "/dev/zero")
        let discovery = try InputDiscovery(paths: [folder])
        #expect(names(discovery, under: folder) == ["a.jsonl", "sub/b.json"])
        let warnings = discovery.skipped.filter(\.isWarning).map {
            "\($0.path.dropFirst(folder.count + 1)): \($0.reason)"
        }
        #expect(
            warnings == [
                "pipe.jsonl: not a regular file (a FIFO)",
                "sock.json: not a regular file (a socket)",
                "zero.jsonl: not a regular file (a character device)",
            ])
    }

    /// The output folder of `saveAsTextFile(…, GzipCodec)`, as `scripts/spark_scan.py` leaves
    /// it: every part is read, the job's marker and checksum files pass without a note, and an
    /// unfinished job's attempts are not read twice.
    @Test func aSparkOutputFolderGivesItsPartsAndNothingElse() throws {
        let folder = try temporaryFolder()
        for name in ["part-00000.gz", "part-00001.gz", "_SUCCESS", "._SUCCESS.crc", ".part-00000.gz.crc"] {
            try Data(name.hasSuffix(".gz") ? [0x1F, 0x8B] : []).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try FileManager.default.createDirectory(atPath: folder + "/_temporary/0", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: folder + "/_temporary/0/part-00000.gz"))
        let discovery = try InputDiscovery(paths: [folder])
        #expect(names(discovery, under: folder) == ["part-00000.gz", "part-00001.gz"])
        #expect(discovery.files.allSatisfy { $0.encoding == .gzip })
        #expect(discovery.skipped.map(\.path) == [folder + "/_temporary"])
        #expect(discovery.skipped.first?.isWarning == true)
    }

    /// A generated corpus holds its patent-citation table beside the works: the folder gives
    /// the works, and the table is named with what reads it (a warning, so it is seen).
    @Test func aPatentCitationTableInAFolderIsSkippedAndNamed() throws {
        let folder = try folderWithTwoFiles()
        let writer = try GzipFileWriter(path: folder + "/patent-citations-SYNTHETIC_pcs_oa.csv.gz")
        try writer.write(Array("reftype,confscore,oaid,patent,wherefound,self\napp,10,1,US-1-B2,both,0\n".utf8))
        try writer.close()
        try Data("reftype\tconfscore\toaid\tpatent\n".utf8).write(to: URL(fileURLWithPath: folder + "/old_pcs.tsv"))
        let scopus = try GzipFileWriter(path: folder + "/scopus.csv.gz")
        try scopus.write(Array("Authors,Title,Year,EID\nQuill A.,T,2020,2-s2.0-1\n".utf8))
        try scopus.close()
        let discovery = try InputDiscovery(paths: [folder])
        #expect(names(discovery, under: folder) == ["a.jsonl", "scopus.csv.gz", "sub/b.json"])
        let warnings = discovery.skipped.filter(\.isWarning)
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.reason.contains("ingest-patents") })
    }

    @Test func aFifoNamedDirectlyIsAnErrorThatNamesIt() throws {
        let folder = try temporaryFolder()
        #expect(mkfifo(folder + "/pipe.jsonl", 0o644) == 0)
        #expect { try InputDiscovery(paths: [folder + "/pipe.jsonl"]) } throws: { error in
            "\(error)" == "not a regular file: \(folder)/pipe.jsonl (a FIFO)"
        }
    }

    @Test func missingInputsAndLinkLoopsSaySo() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: folder + "/b")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: folder + "/a")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/dangling.jsonl", withDestinationPath: folder + "/gone")
        #expect { try InputDiscovery(paths: [folder + "/nope.jsonl"]) } throws: {
            "\($0)" == "no such file or folder: \(folder)/nope.jsonl"
        }
        #expect { try InputDiscovery(paths: [folder + "/a"]) } throws: { "\($0)" == "symbolic link loop: \(folder)/a" }
        #expect { try InputDiscovery(paths: [folder + "/dangling.jsonl"]) } throws: {
            "\($0)" == "no such file or folder: \(folder)/dangling.jsonl"
        }
        // Inside a folder they are warnings, and the search goes on.
        try Data(#"{"id":"W1"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/ok.jsonl"))
        let discovery = try InputDiscovery(paths: [folder])
        #expect(names(discovery, under: folder) == ["ok.jsonl"])
        #expect(
            discovery.skipped.filter(\.isWarning).map(\.reason) == [
                "symbolic link loop", "symbolic link loop", "broken symbolic link (its target does not exist)",
            ])
    }

    @Test func aLinkBackUpIsFollowedOnceAndEveryFileReadOnce() throws {
        let folder = try folderWithTwoFiles()
        try FileManager.default.createSymbolicLink(atPath: folder + "/sub/self", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/sub/again.jsonl", withDestinationPath: "../a.jsonl")
        try FileManager.default.linkItem(atPath: folder + "/sub/b.json", toPath: folder + "/hard.json")
        let discovery = try InputDiscovery(paths: [folder, folder + "/a.jsonl", folder + "/sub"])
        #expect(names(discovery, under: folder) == ["a.jsonl", "hard.json"])
        #expect(discovery.files.count == 2)
        #expect(discovery.skipped.allSatisfy { !$0.isWarning })
        #expect(
            discovery.skipped.contains {
                $0.path.hasSuffix("/sub/self") && $0.reason.hasPrefix("a folder already searched")
            })
        #expect(
            discovery.skipped.contains {
                $0.path.hasSuffix("/sub/again.jsonl") && $0.reason.hasPrefix("the same file as")
            })
    }

    @Test func theRunsOwnOutputsAreNeverReadBack() throws {
        let folder = try folderWithTwoFiles()
        for name in ["store.json", "store.json-wal", "rejects.jsonl"] {
            try Data(#"{"id":"W9"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let outputs = [
            (folder + "/store.json", "the store"), (folder + "/store.json-wal", "the store's wal file"),
            (folder + "/store.json-shm", "the store's shm file"), (folder + "/rejects.jsonl", "the --rejects file"),
        ]
        let discovery = try InputDiscovery(paths: [folder], outputs: outputs)
        #expect(names(discovery, under: folder) == ["a.jsonl", "sub/b.json"])
        #expect(
            Set(discovery.skipped.map(\.reason)) == [
                "the --rejects file, not read as input", "the store, not read as input",
                "the store's wal file, not read as input",
            ])
        // Reached through a link, it is still the store.
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/sub/link.json", withDestinationPath: "../store.json")
        #expect(try InputDiscovery(paths: [folder], outputs: outputs).files.count == 2)
        #expect { try InputDiscovery(paths: [folder + "/sub/link.json"], outputs: outputs) } throws: {
            "\($0)" == "\(folder)/sub/link.json is the store, not an input"
        }
    }

    @Test func aFileSwappedForAFifoAfterDiscoveryIsRejectedNotWaitedOn() throws {
        let folder = try temporaryFolder()
        let path = folder + "/late.jsonl"
        #expect(mkfifo(path, 0o644) == 0)
        for encoding in [InputFile.Encoding.plain, .gzip] {
            var parser = OpenAlexRecordParser()
            var consumer = CollectingConsumer()
            RecordFileReader(file: InputFile(path: path, size: 0, encoding: encoding)).read(
                parser: &parser, into: &consumer)
            #expect(
                consumer.rejections.map(\.reason) == [
                    "not a regular file: \(path) (a FIFO); the rest of the file could not be read"
                ])
        }
    }
}
