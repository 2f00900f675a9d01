import TechTrackerCore

/// The cited references of a Scopus record (the "References" column), as the ids of
/// ``Work/referencedWorks``: `doi:10.…` for a reference that gives a DOI, else `ref:` and the
/// reference's text.
///
/// References are separated by `"; "`. The 2024-2026 layout also separates a reference's authors
/// by `"; "` (`Cheng M.; Xue Y.; Cui M., Global, regional, …, (2025)`), so a part that is only an
/// author name (no comma, a few words, the last one initials: `Xue Y.`, `Yuan K.-C.`, `Calin GA`)
/// is joined to the part after it.
enum ScopusReferences {
    /// The reference ids of a "References" value, in order, each once.
    static func ids(_ text: Substring) -> [String] {
        if let result = text.utf8.withContiguousStorageIfAvailable({ ids(bytes: $0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { ids(bytes: $0) }
    }

    /// The reference ids of a "References" value given as UTF-8.
    static func ids(bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var result: [String] = []
        // Ids by a hash of their bytes, so that a repeated reference is found without hashing
        // (and normalising) every reference as a String.
        var seen: [UInt64: Int] = [:]
        var pendingStart: Int?
        var partStart = 0
        var index = 0
        let count = bytes.count

        func emit(_ start: Int, _ end: Int) {
            var low = start
            var high = end
            while low < high, ScopusText.isSpace(bytes[low]) { low += 1 }
            while high > low, ScopusText.isSpace(bytes[high - 1]) { high -= 1 }
            guard low < high else { return }
            let id: String
            if let doi = doi(in: bytes, low, high) {
                id = "doi:" + doi
            } else {
                let text = UnsafeBufferPointer(rebasing: bytes[low..<high])
                id = String(unsafeUninitializedCapacity: text.count + 4) { buffer in
                    for (offset, byte) in "ref:".utf8.enumerated() { buffer[offset] = byte }
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[4...]).initialize(from: text)
                    return text.count + 4
                }
            }
            let hash = hash(id)
            if let earlier = seen[hash] {
                // The same hash: the same reference, unless (rarely) two differ.
                if result[earlier] == id || result.contains(id) { return }
            } else {
                seen[hash] = result.count
            }
            result.append(id)
        }

        func part(_ start: Int, _ end: Int, isLast: Bool) {
            var low = start
            var high = end
            while low < high, ScopusText.isSpace(bytes[low]) { low += 1 }
            while high > low, ScopusText.isSpace(bytes[high - 1]) { high -= 1 }
            guard low < high else { return }
            if !isLast, isAuthorName(bytes, low, high) {
                if pendingStart == nil { pendingStart = low }
                return
            }
            emit(pendingStart ?? low, high)
            pendingStart = nil
        }

        while index < count {
            if bytes[index] == UInt8(ascii: ";"), index + 1 < count, bytes[index + 1] == UInt8(ascii: " ") {
                part(partStart, index, isLast: false)
                index += 2
                partStart = index
                continue
            }
            index += 1
        }
        part(partStart, count, isLast: true)
        if let pendingStart { emit(pendingStart, count) }
        return result
    }

    /// A 64-bit hash of the UTF-8 of `text`, eight bytes at a time.
    private static func hash(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
                offset += 1
            }
            return hash
        }
    }

    /// Whether `bytes[start..<end]` is only an author's name as Scopus abbreviates it in
    /// references: no comma and no digit, two to six words, the last of them initials (capitals,
    /// periods and hyphens: `J.`, `K.-C.`, `GA`).
    static func isAuthorName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 80 else { return false }
        var words = 1
        var lastWordStart = start
        for index in start..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || isDigit(byte) || byte == UInt8(ascii: "(") { return false }
            if byte == UInt8(ascii: " ") {
                words += 1
                lastWordStart = index + 1
            }
        }
        guard (2...6).contains(words), end - lastWordStart <= 8 else { return false }
        var capitals = 0
        for index in lastWordStart..<end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): capitals += 1
            case UInt8(ascii: "."), UInt8(ascii: "-"): continue
            default: return false
            }
        }
        return capitals > 0
    }

    /// The first DOI in `bytes[start..<end]` in comparable form (``WorkMatchKey/doi(_:)``): a
    /// `10.` not preceded by a letter or digit (so `DOI: 10.…`, `DOI 10.…`, `doi.org/10.…` and a
    /// bare `10.…` all count), at least four digits, `/`, and the text up to the next white space,
    /// without trailing punctuation or an unbalanced closing bracket.
    static func doi(in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        var index = start
        while index + 3 < end {
            if bytes[index] != UInt8(ascii: "1") || bytes[index + 1] != UInt8(ascii: "0")
                || bytes[index + 2] != UInt8(ascii: ".") || (index > start && isLetterOrDigit(bytes[index - 1]))
            {
                index += 1
                continue
            }
            var cursor = index + 3
            var digits = 0
            while cursor < end, isDigit(bytes[cursor]) {
                digits += 1
                cursor += 1
            }
            // Registrants with sub-prefixes: 10.1000.10/…
            while digits >= 4, cursor + 1 < end, bytes[cursor] == UInt8(ascii: "."), isDigit(bytes[cursor + 1]) {
                cursor += 1
                while cursor < end, isDigit(bytes[cursor]) { cursor += 1 }
            }
            if digits >= 4, cursor < end, bytes[cursor] == UInt8(ascii: "/") {
                var stop = cursor + 1
                while stop < end, !ScopusText.isSpace(bytes[stop]) { stop += 1 }
                stop = trimmedEnd(bytes, from: cursor + 1, to: stop)
                if stop > cursor + 1,
                    let doi = WorkMatchKey.doi(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<stop]), as: UTF8.self))
                {
                    return doi
                }
            }
            index += 1
        }
        return nil
    }

    /// The end of a DOI token without trailing `.,;:` and without closing brackets that no
    /// opening bracket in the token matches.
    private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var stop = end
        while stop > start {
            let last = bytes[stop - 1]
            if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
                || last == UInt8(ascii: ":")
            {
                stop -= 1
                continue
            }
            if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
                let open: UInt8 = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                var balance = 0
                for index in start..<stop {
                    if bytes[index] == open { balance += 1 } else if bytes[index] == last { balance -= 1 }
                }
                if balance < 0 {
                    stop -= 1
                    continue
                }
            }
            break
        }
        return stop
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    @inline(__always)
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte >= 0x80
    }
}
