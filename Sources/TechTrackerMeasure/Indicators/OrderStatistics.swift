/// Two order statistics per series, kept online without storing the series: the value at
/// 0-based position `low` and at `high` of each series once sorted ascending.
///
/// Each series keeps its `low + 1` smallest values and its `count − high` largest values in
/// small sorted buffers (26 and 25 for positions 25 and 975 of 1,000): a new value costs two
/// comparisons unless it enters a buffer, which happens O(k log(n / k)) times per series for
/// values in random order. Every series must receive exactly `count` values.
///
/// The buffers are raw memory (the per-draw loop must not pay for copy-on-write checks):
/// call `deallocate()` once done, and do not copy the value.
struct OrderStatistics {
    let series: Int, lowCapacity: Int, highCapacity: Int
    /// Per series: its smallest values, ascending (the last is the answer once full).
    let smallest: UnsafeMutablePointer<Double>
    /// Per series: its largest values, ascending (the first is the answer once full).
    let largest: UnsafeMutablePointer<Double>
    /// Per series: values held in `smallest`, then in `largest`.
    let counts: UnsafeMutablePointer<Int>

    /// For `series` series of `count` values each, positions `low` ≤ `high` < `count`.
    init(series: Int, count: Int, low: Int, high: Int) {
        precondition(0 <= low && low <= high && high < count)
        self.series = series
        lowCapacity = low + 1
        highCapacity = count - high
        smallest = .allocate(capacity: max(1, series * lowCapacity))
        largest = .allocate(capacity: max(1, series * highCapacity))
        counts = .allocate(capacity: max(1, 2 * series))
        counts.initialize(repeating: 0, count: max(1, 2 * series))
    }

    /// Frees the buffers.
    func deallocate() {
        smallest.deallocate()
        largest.deallocate()
        counts.deallocate()
    }

    /// Adds one value to series `s`.
    @inline(__always)
    func add(_ s: Int, _ value: Double) {
        let low = smallest + s * lowCapacity, lowCount = counts[2 * s]
        if lowCount < lowCapacity {
            Self.insert(value, into: low, count: lowCount)
            counts[2 * s] = lowCount + 1
        } else if value < low[lowCapacity - 1] {
            Self.insert(value, into: low, count: lowCapacity - 1)  // drops the largest
        }
        let high = largest + s * highCapacity, highCount = counts[2 * s + 1]
        if highCount < highCapacity {
            Self.insert(value, into: high, count: highCount)
            counts[2 * s + 1] = highCount + 1
        } else if value > high[0] {
            // Drop the smallest kept value, then insert in order.
            var i = 0
            while i + 1 < highCapacity && high[i + 1] < value {
                high[i] = high[i + 1]
                i += 1
            }
            high[i] = value
        }
    }

    /// The value at position `low` of series `s`.
    func low(_ s: Int) -> Double { smallest[s * lowCapacity + lowCapacity - 1] }
    /// The value at position `high` of series `s`.
    func high(_ s: Int) -> Double { largest[s * highCapacity] }

    /// Inserts into the ascending run `buffer[0 ..< count]`, growing it by one.
    @inline(__always)
    private static func insert(_ value: Double, into buffer: UnsafeMutablePointer<Double>, count: Int) {
        var i = count
        while i > 0 && buffer[i - 1] > value {
            buffer[i] = buffer[i - 1]
            i -= 1
        }
        buffer[i] = value
    }
}
