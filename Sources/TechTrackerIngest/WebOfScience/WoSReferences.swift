import Foundation
import TechTrackerCore

/// The cited references (`CR`) of a Web of Science record as referenced-work ids.
///
/// A reference is `Author, Year, Source, Volume, Page` and, when Web of Science knows it, `, DOI
/// 10.1016/j.x.2019.01.002` (or `DOI [10.1/a, 10.1/b]` when it knows several). A reference with
/// a DOI is `doi:` and the DOI in its comparable form (the first of a list), so that it meets the
/// same work cited from other records and sources; one without is `ref:` and its text.
enum WoSReferences {
    /// The referenced-work ids of `CR`, in order, each once.
    ///
    /// Read on the field's bytes: a record cites about forty works, and this runs for every
    /// record of every export, where slicing `Substring`s reference by reference cost more than
    /// the rest of the record.
    static func referencedWorks(_ occurrences: [[String]]) -> [String] {
        var result: [String] = []
        var seen: Set<String> = []
        for values in occurrences {
            result.reserveCapacity(result.count + values.count)
            for var value in values {
                value.withUTF8 { bytes in
                    forEachReference(in: bytes) { reference in
                        let id = self.id(of: reference)
                        if seen.insert(id).inserted { result.append(id) }
                    }
                }
            }
        }
        return result
    }

    /// Calls `body` with each reference of a field value: the value split at each `"; "` (how
    /// tab-delimited exports join references; a `;` inside one, as in a SICI DOI, has no space
    /// after it), each part trimmed, empty parts left out.
    static func forEachReference(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        var index = 0
        while index <= bytes.count {
            let ends =
                index == bytes.count
                || (bytes[index] == UInt8(ascii: ";") && index + 1 < bytes.count
                    && bytes[index + 1] == UInt8(ascii: " "))
            if ends {
                let part = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                if !part.isEmpty { body(part) }
                start = index + 1
            }
            index += 1
        }
    }

    /// `doi:` and the reference's DOI, else `ref:` and its text.
    static func id(of reference: UnsafeBufferPointer<UInt8>) -> String {
        if let doi = doi(in: reference) { return ExportReference.doiPrefix + doi }
        return ExportReference.textPrefix + String(decoding: reference, as: UTF8.self)
    }

    /// The DOI after the reference's last `DOI ` word (the first of a bracketed list), in
    /// comparable form; `nil` when there is none or it is not a DOI.
    static func doi(in reference: UnsafeBufferPointer<UInt8>) -> String? {
        var start: Int?
        var index = 0
        while index + 4 <= reference.count {
            let previous = index == 0 ? UInt8(ascii: " ") : reference[index - 1]
            if reference[index] == UInt8(ascii: "D"), previous == UInt8(ascii: " ") || previous == UInt8(ascii: ","),
                reference[index + 1] == UInt8(ascii: "O"), reference[index + 2] == UInt8(ascii: "I"),
                reference[index + 3] == UInt8(ascii: " ")
            {
                start = index + 4
            }
            index += 1
        }
        guard let start else { return nil }
        var rest = trimmed(UnsafeBufferPointer(rebasing: reference[start...]))
        var end = rest.count
        if rest.first == UInt8(ascii: "[") {
            rest = UnsafeBufferPointer(rebasing: rest[1...])
            end = rest.firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "]") } ?? rest.count
        } else {
            var comma = 0
            while comma + 1 < rest.count {
                if rest[comma] == UInt8(ascii: ","), rest[comma + 1] == UInt8(ascii: " ") {
                    end = comma
                    break
                }
                comma += 1
            }
        }
        let candidate = trimmed(UnsafeBufferPointer(rebasing: rest[..<end]))
        return WorkMatchKey.doi(String(decoding: candidate, as: UTF8.self))
    }

    /// `bytes` without ASCII spaces, tabs and line ends at either end.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let first = bytes.firstIndex(where: { !WoSFieldText.isSpace($0) }),
            let last = bytes.lastIndex(where: { !WoSFieldText.isSpace($0) })
        else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        return UnsafeBufferPointer(rebasing: bytes[first...last])
    }
}

/// Reading the text of Web of Science fields the same way from both layouts.
enum WoSFieldText {
    /// The first occurrence's lines that hold text, each trimmed, joined with a space (a wrapped
    /// plain-text title or abstract becomes one line); `nil` when the field is absent or empty.
    static func firstText(_ occurrences: [[String]]) -> String? {
        for values in occurrences {
            if let text = joined(values) { return text }
        }
        return nil
    }

    /// `values` trimmed and joined with a space, the empty ones left out; `nil` when none has text.
    static func joined(_ values: [String]) -> String? {
        if values.count == 1, let only = values.first {
            let text = trimmed(only[...])
            return text.isEmpty ? nil : String(text)
        }
        var result = ""
        for value in values {
            let text = trimmed(value[...])
            if text.isEmpty { continue }
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: text)
        }
        return result.isEmpty ? nil : result
    }

    /// The items of a `;`-separated text field (`DE`, `ID`, `WC`, `C3`): each occurrence's lines
    /// joined with a space (plain text wraps a list mid-item), then split at `;`, trimmed, empty
    /// items left out.
    static func list(_ occurrences: [[String]]) -> [Substring] {
        var result: [Substring] = []
        for values in occurrences {
            guard let text = joined(values) else { continue }
            result += split(text[...], on: UInt8(ascii: ";"))
        }
        return result
    }

    /// The names of `AU` or `AF`: one per plain-text line, `;`-separated in tab-delimited.
    static func names(_ occurrences: [[String]]) -> [Substring] {
        var result: [Substring] = []
        for values in occurrences {
            for value in values { result += split(value[...], on: UInt8(ascii: ";")) }
        }
        return result
    }

    /// `text` split at the ASCII `separator`, each part trimmed, empty parts left out.
    static func split(_ text: Substring, on separator: UInt8) -> [Substring] {
        var result: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == separator {
                let part = trimmed(text[start..<index])
                if !part.isEmpty { result.append(part) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        let part = trimmed(text[start...])
        if !part.isEmpty { result.append(part) }
        return result
    }

    /// `text` without ASCII spaces, tabs and line ends at either end.
    static func trimmed(_ text: Substring) -> Substring {
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return text[text.endIndex...] }
        return text[first..<bytes.index(after: last)]
    }

    /// The first `limit` characters of `text`, for quoting it in a warning.
    static func excerpt(_ text: some StringProtocol, limit: Int = 200) -> String {
        text.utf8.count > limit && text.count > limit ? String(text.prefix(limit)) + "…" : String(text)
    }

    /// `text` with accents folded (`é` is `e`), for comparing names.
    static func foldingAccents(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }
    static func isASCIIUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isASCIILower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isASCIILetter(_ byte: UInt8) -> Bool { isASCIIUpper(byte) || isASCIILower(byte) }
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func lowercased(_ byte: UInt8) -> UInt8 { isASCIIUpper(byte) ? byte + 32 : byte }
}
