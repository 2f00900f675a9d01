public struct SyntheticCorpusConfiguration: Sendable {
    public var works: Int; public var seed: UInt64 = 42; public var fromYear = 2003; public var toYear = 2024; public var parts: Int? = nil; public var compressionLevel: Int32 = 1
    public init(works: Int) { self.works = works }
}
public struct GenerationProgress: Sendable { public var worksWritten: Int; public var totalWorks: Int }
public struct GenerationSummary: Sendable { public var works: Int; public var parts: Int; public var uncompressedBytes: Int; public var compressedBytes: Int; public var files: [String]; public var seconds: Double }
public struct SyntheticCorpusGenerator { public init(configuration: SyntheticCorpusConfiguration) {}
  public func write(to directory: String, progress: (@Sendable (GenerationProgress) -> Void)?) throws -> GenerationSummary { fatalError() } }
