import Foundation
import Testing

/// `techtracker generate` and its SYNTHETIC patent-citation file.
@Suite struct GenerateCommandTests {
    static let fileName = "patent-citations-SYNTHETIC_pcs_oa.csv.gz"

    /// The file's text, through the system's gzip.
    func unzipped(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc '\(path)'"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func generateWritesThePatentCitationsAndSaysWhereAndUpToWhichYear() async throws {
        let folder = try temporaryFolder()
        let out = try await Techtracker.output([
            "generate", "--works", "3000", "--seed", "4", "--to", "2022", "--quiet", folder + "/corpus",
        ])
        let path = folder + "/corpus/" + Self.fileName
        let line = try #require(out.split(separator: "\n").last)
        #expect(
            line.wholeMatch(
                of:
                    /SYNTHETIC DATA: wrote [0-9,]+ patent citations \([0-9,]+ works cited by [0-9,]+ patents, patent cut-off year 2022\) to .*/
            ) != nil, "\(out)")
        #expect(line.hasSuffix(" to " + path))
        let text = try unzipped(path)
        #expect(text.hasPrefix("reftype,confscore,oaid,patent,wherefound,self\n"))
        #expect(text.split(separator: "\n").count > 10)
    }

    @Test func noPatentsWritesNone() async throws {
        let folder = try temporaryFolder()
        let out = try await Techtracker.output([
            "generate", "--works", "300", "--no-patents", "--quiet", folder + "/corpus",
        ])
        #expect(!out.contains("patent"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/corpus/" + Self.fileName))
        #expect(FileManager.default.fileExists(atPath: folder + "/corpus/data/works/manifest"))
    }
}
