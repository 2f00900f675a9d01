/// Per-thread working memory of a ``CompiledMatcher``: make one per thread with
/// ``CompiledMatcher/makeScratch()`` and pass it `inout` to every call, so matching a
/// document allocates nothing. Nothing is cleared between documents: every per-key,
/// per-leaf and per-query mark carries the number of the document that set it.
public struct MatchScratch: Sendable, KeySink {
    /// One occurrence of a key in the document.
    struct Hit {
        var key: Int32
        /// The word's position; positions of different segments are at least 2 apart, so
        /// consecutive positions are always in one segment.
        var position: Int32
        /// 0 title, 1 abstract, 2 + i keyword i.
        var segment: Int32
        /// The previous hit of the same key, or -1.
        var previousOfKey: Int32
    }

    /// A run of matched words, for NEAR.
    struct Span {
        var first: Int32
        var last: Int32
        var segment: Int32
    }

    /// The number of the current document; marks equal to it are current.
    var generation: UInt32 = 0
    /// Hits in position order.
    var hits: [Hit] = []
    var keyMark: [UInt32]
    /// The latest hit of each key (valid when the key's mark is current).
    var keyLatestHit: [Int32]
    /// Keys seen in this document, in order of first hit.
    var touchedKeys: [Int32] = []
    var leafMark: [UInt32]
    var leafValue: [Bool]
    /// Leaves found true in this document.
    var trueLeaves: [Int32] = []
    var queryMark: [UInt32]
    /// Queries with at least one true leaf (only these can match).
    var candidateQueries: [Int32] = []
    var stack: [Bool]
    var leftSpans: [Span] = []
    var rightSpans: [Span] = []
    /// The UTF-8 bytes of the text being scanned (kept for its capacity).
    var textBytes: [UInt8] = []
    /// Where the word being looked up is: read by ``found(_:)``.
    var currentPosition: Int32 = 0
    var currentSegment: Int32 = 0

    init(keyCount: Int, leafCount: Int, queryCount: Int, stackDepth: Int) {
        keyMark = [UInt32](repeating: 0, count: keyCount)
        keyLatestHit = [Int32](repeating: -1, count: keyCount)
        leafMark = [UInt32](repeating: 0, count: leafCount)
        leafValue = [Bool](repeating: false, count: leafCount)
        queryMark = [UInt32](repeating: 0, count: queryCount)
        stack = [Bool](repeating: false, count: max(stackDepth, 1))
    }

    /// Whether this scratch was made for a matcher of these sizes.
    func fits(keyCount: Int, leafCount: Int, queryCount: Int, stackDepth: Int) -> Bool {
        keyMark.count == keyCount && leafMark.count == leafCount && queryMark.count == queryCount
            && stack.count >= stackDepth
    }

    /// Starts a new document: a fresh generation number, empty lists.
    mutating func beginDocument() {
        if generation == UInt32.max {
            // Wrapped: old marks could look current, so clear them once.
            for i in keyMark.indices { keyMark[i] = 0 }
            for i in leafMark.indices { leafMark[i] = 0 }
            for i in queryMark.indices { queryMark[i] = 0 }
            generation = 0
        }
        generation += 1
        hits.removeAll(keepingCapacity: true)
        touchedKeys.removeAll(keepingCapacity: true)
        trueLeaves.removeAll(keepingCapacity: true)
        candidateQueries.removeAll(keepingCapacity: true)
    }

    /// Records that `key` occurs at the current position and segment.
    @inline(__always)
    mutating func found(_ key: Int32) {
        addHit(key: key, position: currentPosition, segment: currentSegment)
    }

    /// Records that `key` occurs at `position` in `segment`. Hits must come in position order.
    @inline(__always)
    mutating func addHit(key: Int32, position: Int32, segment: Int32) {
        let k = Int(key)
        var previous: Int32 = -1
        if keyMark[k] == generation {
            previous = keyLatestHit[k]
        } else {
            keyMark[k] = generation
            touchedKeys.append(key)
        }
        keyLatestHit[k] = Int32(hits.count)
        hits.append(Hit(key: key, position: position, segment: segment, previousOfKey: previous))
    }
}
