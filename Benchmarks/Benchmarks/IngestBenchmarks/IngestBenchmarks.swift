import Benchmark
import Foundation
import TechTrackerCore
import TechTrackerIngest

/// The OpenAlex record parser (and the JSON scanner under it) on one real record: the work
/// W2741809807 as the OpenAlex API returns it (27 KB: 9 authorships, 45 referenced works, an
/// abstract inverted index of 167 words, concepts and topics): the per-record cost of every ingest.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    let record = loadRecord("W2741809807")

    // One parser, reused from record to record as each ingest reader keeps its own: the
    // measured parses run with its buffers already grown.
    var parser = OpenAlexRecordParser()
    Benchmark("Ingest: parse one OpenAlex record (\(record.count / 1000) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            var works = 0, rejections = 0
            record.withUnsafeBytes { bytes in
                parser.parse(
                    bytes,
                    onWork: {
                        blackHole($0); works += 1
                    }, onReject: { _ in rejections += 1 })
            }
            precondition(works == 1 && rejections == 0, "the fixture record no longer parses as one work")
        }
    }
}

/// The bytes of a record copied from the ingest tests' fixtures into this target's resources.
func loadRecord(_ name: String) -> [UInt8] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"),
        let data = try? Data(contentsOf: url)
    else {
        fatalError("missing benchmark resource \(name).json")
    }
    return Array(data)
}
