/// A growable byte buffer that JSON records are assembled in, by copying pre-escaped pieces
/// and writing numbers digit by digit: no Foundation, no per-record allocation.
///
/// Non-copyable: it owns its memory, which is freed when the sink goes out of scope.
struct ByteSink: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written since the last `removeAll()`.
    private(set) var count = 0

    init(capacity: Int = 1 << 20) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Forgets the contents, keeps the memory.
    mutating func removeAll() { count = 0 }

    /// Calls `body` with the bytes written so far.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count += length
    }

    /// Appends a literal (JSON punctuation and keys are written as static strings).
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Appends an arena piece as it is.
    @inline(__always)
    mutating func append(_ piece: TextPiece, _ arena: TextArena) {
        append(arena.base + Int(piece.offset), count: Int(piece.count))
    }

    /// Appends an arena piece between double quotes.
    @inline(__always)
    mutating func appendQuoted(_ piece: TextPiece, _ arena: TextArena) {
        reserve(Int(piece.count) + 2)
        base[count] = 0x22
        count += 1
        append(arena.base + Int(piece.count == 0 ? 0 : piece.offset), count: Int(piece.count))
        base[count] = 0x22
        count += 1
    }

    /// Appends bytes already written to this sink (e.g. a title repeated as display_name).
    mutating func appendCopy(from start: Int, count length: Int) {
        reserve(length)
        (base + count).update(from: base + start, count: length)
        count += length
    }

    /// Appends a non-negative or negative integer in decimal.
    @inline(__always)
    mutating func append(int value: Int) {
        reserve(21)
        var magnitude = value.magnitude
        if value < 0 {
            base[count] = 0x2D
            count += 1
        }
        if magnitude < 10 {
            base[count] = 0x30 &+ UInt8(magnitude)
            count += 1
            return
        }
        var digits = 0
        var probe = magnitude
        while probe > 0 { digits += 1; probe /= 10 }
        var position = count + digits - 1
        while magnitude > 0 {
            base[position] = 0x30 &+ UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        }
        count += digits
    }

    /// Appends `value` padded with zeros to `width` digits (dates, fractions).
    @inline(__always)
    mutating func append(int value: Int, width: Int) {
        reserve(width + 20)
        var divisor = 1
        for _ in 1..<max(1, width) { divisor *= 10 }
        var digitsValue = max(0, value)
        if digitsValue >= divisor * 10 { append(int: digitsValue); return }
        while divisor > 0 {
            base[count] = 0x30 &+ UInt8(digitsValue / divisor)
            count += 1
            digitsValue %= divisor
            divisor /= 10
        }
    }

    /// Appends a non-negative decimal with exactly `places` digits after the point, trailing
    /// zeros removed (at least one digit kept), e.g. 0.9876 or 12.5.
    mutating func append(decimal value: Double, places: Int) {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((max(0, value) * Double(scale)).rounded())
        append(int: scaled / scale)
        var fraction = scaled % scale
        var width = places
        while width > 1 && fraction % 10 == 0 { fraction /= 10; width -= 1 }
        append(byte: 0x2E)
        append(int: fraction, width: width)
    }

    /// Appends `"prefix` + number + `"` (OpenAlex ids, DOIs and the like).
    @inline(__always)
    mutating func appendQuotedID(_ prefix: StaticString, _ number: UInt64) {
        append(byte: 0x22)
        append(prefix)
        append(int: Int(number))
        append(byte: 0x22)
    }
}
