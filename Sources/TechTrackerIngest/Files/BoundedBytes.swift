/// Bytes gathered up to a limit: the text a reader assembles across chunks (a line that spans
/// two chunks, a pretty-printed document). Past the limit the bytes are dropped at once and the
/// overflow is remembered, so a reader never holds more than the limit however long the text
/// (a gzip bomb without newlines costs at most the limit).
struct BoundedBytes {
    /// The most bytes held.
    let limit: Int
    /// What is held (empty once overflowed).
    private(set) var bytes: [UInt8] = []
    /// Whether more than `limit` bytes were offered since the last `reset`.
    private(set) var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Nothing held and no overflow.
    var isClear: Bool { bytes.isEmpty && !overflowed }

    /// Appends `more` and then `terminator`, if given; drops everything once the limit is passed.
    mutating func append(_ more: UnsafeRawBufferPointer, terminator: UInt8? = nil) {
        guard !overflowed else { return }
        let needed = bytes.count + more.count + (terminator == nil ? 0 : 1)
        if needed > limit {
            markOverflowed()
            return
        }
        if needed > bytes.capacity {
            bytes.reserveCapacity(Self.capacity(toHold: needed, current: bytes.capacity, limit: limit))
        }
        bytes.append(contentsOf: more)
        if let terminator { bytes.append(terminator) }
    }

    /// Gives up the text: it cannot be whole.
    mutating func markOverflowed() {
        overflowed = true
        bytes = []
    }

    /// Removes a last byte equal to `byte`.
    mutating func dropLast(ifItIs byte: UInt8) {
        if bytes.last == byte { bytes.removeLast() }
    }

    /// A buffer up to this size keeps its memory on `reset` (most texts fit); a larger one
    /// gives it back.
    static let keptCapacity = 16 << 20
    /// The most the first reservation takes at once.
    static let firstReservationLimit = 64 << 20

    /// Empties the buffer and forgets an overflow; a large buffer's memory is given back.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: bytes.count < Self.keptCapacity)
        overflowed = false
    }

    /// The capacity to reserve for `needed` bytes of a text limited to `limit` bytes.
    ///
    /// The first reservation takes the whole limit (up to 64 MiB) at once: pages never written
    /// cost no memory, while growing step by step would leave every outgrown buffer in the
    /// allocator's per-thread arenas (a gzip bomb then held about twice the limit per reader).
    /// Past 64 MiB (a raised `--max-line-mb`) it grows geometrically; never past the limit.
    static func capacity(toHold needed: Int, current: Int, limit: Int) -> Int {
        let first = min(limit, firstReservationLimit)
        return max(needed, min(limit, max(first, current * 2)))
    }
}
