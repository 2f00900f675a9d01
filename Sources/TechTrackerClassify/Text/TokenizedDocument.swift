/// A text as word ids of a ``Vocabulary``: what a work's cached tokens look like, so that
/// re-classifying after a query edit skips tokenising.
///
/// A word's position is its index in its field's array (in ``keywords``, its index within its
/// keyword's run), which is all phrases and NEAR need.
///
/// Boundary convention: ``boundary`` (`UInt32.max`, never a word id) separates keywords
/// inside ``keywords``, and separates the three fields in ``flattened``. An empty keyword is
/// an empty run (and a text with one empty keyword tokenises like one with none: neither has
/// words).
struct TokenizedDocument: Hashable, Sendable {
    /// The id that separates runs; never a word id.
    static let boundary = UInt32.max

    /// The title's word ids, in order.
    var title: [UInt32]
    /// The abstract's word ids, in order.
    var abstract: [UInt32]
    /// Every keyword's word ids, keywords separated by ``boundary``, with no boundary before
    /// the first or after the last.
    var keywords: [UInt32]

    /// Makes a document from its fields (``keywords`` already in the boundary convention).
    init(title: [UInt32], abstract: [UInt32], keywords: [UInt32]) {
        self.title = title
        self.abstract = abstract
        self.keywords = keywords
    }

    /// Makes a document with one run of ids per keyword.
    init(title: [UInt32], abstract: [UInt32], keywordRuns: [[UInt32]]) {
        self.init(title: title, abstract: abstract, keywords: Array(keywordRuns.joined(separator: [Self.boundary])))
    }

    /// The keywords' runs of ids (an empty document gives no runs).
    var keywordRuns: [[UInt32]] {
        keywords.isEmpty
            ? [] : keywords.split(separator: Self.boundary, omittingEmptySubsequences: false).map(Array.init)
    }

    /// One array for storage: title, ``boundary``, abstract, ``boundary``, keywords.
    var flattened: [UInt32] {
        title + [Self.boundary] + abstract + [Self.boundary] + keywords
    }

    /// Reads ``flattened``; nil when it has fewer than two boundaries.
    init?(flattened: [UInt32]) {
        guard let first = flattened.firstIndex(of: Self.boundary),
            let second = flattened[(first + 1)...].firstIndex(of: Self.boundary)
        else { return nil }
        self.init(
            title: Array(flattened[..<first]), abstract: Array(flattened[(first + 1)..<second]),
            keywords: Array(flattened[(second + 1)...]))
    }

    /// ``flattened`` packed for a BLOB: each value as an unsigned LEB128 varint of `id + 1`,
    /// with ``boundary`` written as 0, so ids below 127 take one byte and below 16,383 two.
    func serializedBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.count + abstract.count + keywords.count + 8)
        for id in flattened {
            var value = id == Self.boundary ? 0 : UInt64(id) + 1
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    /// Reads ``serializedBytes()``; nil for bytes it could not have written.
    init?(serializedBytes bytes: [UInt8]) {
        var ids: [UInt32] = []
        ids.reserveCapacity(bytes.count)
        let complete = bytes.withUnsafeBufferPointer { buffer in
            var reader = StoredIDReader(buffer)
            while let id = reader.next() { ids.append(id) }
            return !reader.failed
        }
        guard complete else { return nil }
        self.init(flattened: ids)
    }
}

/// Reads the values of ``TokenizedDocument/serializedBytes()`` one at a time, without
/// building arrays: the one decoder of the stored form, for the document and for matching
/// straight from the bytes (``BoundMatcher``).
struct StoredIDReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Whether reading stopped on bytes the form cannot hold: a varint longer than five
    /// bytes, one cut short at the end, or a value above 2³² − 1.
    private(set) var failed = false

    /// A reader from the first byte.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next value: a word id, or ``TokenizedDocument/boundary``; nil at the end, or on
    /// bytes the form cannot hold (then ``failed``).
    @inline(__always)
    mutating func next() -> UInt32? {
        guard index < bytes.count else { return nil }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard shift <= 28 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                guard value <= UInt64(UInt32.max) else { break }
                return value == 0 ? TokenizedDocument.boundary : UInt32(value - 1)
            }
            shift += 7
        }
        failed = true
        return nil
    }
}
