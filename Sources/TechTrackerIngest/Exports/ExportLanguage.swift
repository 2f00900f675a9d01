/// The language of a Web of Science (`LA`) or Scopus ("Language of Original Document") record as
/// the ISO 639-1 code OpenAlex gives (`English` → `en`), so that works of every source carry one
/// form. A record in several languages (`English; Chinese`) takes the first; a name outside the
/// table is kept lower-cased rather than dropped.
public enum ExportLanguage {
    /// The code of a language name as the databases write it.
    public static func code(_ name: String) -> String? {
        let first = name.split(separator: ";").first.map { $0.trimmingPrefixAndSuffix(" ") } ?? ""
        guard !first.isEmpty else { return nil }
        let lowered = first.lowercased()
        return codes[lowered] ?? lowered
    }

    /// Language names (lower case) to ISO 639-1 codes: the languages of nearly every record of
    /// either database.
    static let codes: [String: String] = [
        "english": "en", "chinese": "zh", "german": "de", "french": "fr", "spanish": "es", "russian": "ru",
        "japanese": "ja", "portuguese": "pt", "italian": "it", "korean": "ko", "polish": "pl", "turkish": "tr",
        "czech": "cs", "dutch": "nl", "hungarian": "hu", "persian": "fa", "arabic": "ar", "ukrainian": "uk",
        "croatian": "hr", "slovak": "sk", "slovenian": "sl", "serbian": "sr", "romanian": "ro",
        "lithuanian": "lt", "latvian": "lv", "estonian": "et", "finnish": "fi", "swedish": "sv", "norwegian": "no",
        "danish": "da", "greek": "el", "modern greek": "el", "bulgarian": "bg", "hebrew": "he", "indonesian": "id",
        "malay": "ms", "thai": "th", "vietnamese": "vi", "catalan": "ca", "afrikaans": "af", "icelandic": "is",
        "welsh": "cy", "irish": "ga", "latin": "la", "esperanto": "eo", "georgian": "ka", "armenian": "hy",
        "azerbaijani": "az", "kazakh": "kk", "macedonian": "mk", "bosnian": "bs", "albanian": "sq", "basque": "eu",
        "galician": "gl", "hindi": "hi", "urdu": "ur", "bengali": "bn", "tamil": "ta", "malayalam": "ml",
    ]
}

extension Substring {
    /// The text without `character` at either end.
    fileprivate func trimmingPrefixAndSuffix(_ character: Character) -> Substring {
        var text = self
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return text
    }
}
