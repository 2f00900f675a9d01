public import ArgumentParser
public import TechTrackerIngest
public import TechTrackerCore
public import TechTrackerPresent

// The options that take one of a fixed set of words are typed: ArgumentParser lists the words
// in the help ("values: …; default: …"), refuses any other word before the command runs (exit
// code 2, naming the valid ones), and the commands never compare strings. Where the library
// already has the enum, it is made an argument here rather than in the library, so that the
// libraries stay free of ArgumentParser. The raw values are the words the options always took.

/// `report --counting fractional|whole`.
extension Counting: ExpressibleByArgument {}

/// `analyze --threshold-scope year|window`.
extension ThresholdScope: ExpressibleByArgument {}

/// `export --format csv|json`.
extension ResultsExporter.Format: ExpressibleByArgument {}

/// `ingest --format`: the formats the readers know.
extension InputFormat: ExpressibleByArgument {}

/// `analyze --counting fractional|whole|both`: one counting, or both (the analysis's list of
/// countings has no single-word name of its own, hence this small enum).
enum CountingChoice: String, CaseIterable, ExpressibleByArgument {
    case fractional
    case whole
    case both

    /// The choice that computes `countings`: both when it holds more than one.
    init(_ countings: [Counting]) {
        self = countings.count > 1 ? .both : countings.first == .whole ? .whole : .fractional
    }

    /// The countings the analysis computes, in the order the analysis lists them.
    var countings: [Counting] {
        switch self {
        case .fractional: [.fractional]
        case .whole: [.whole]
        case .both: Counting.allCases
        }
    }
}

/// `ingest-patents --layout auto|reliance-on-science|generic`: a layout, or recognised from
/// each file's header.
enum PatentLayoutChoice: String, CaseIterable, ExpressibleByArgument {
    case auto
    case relianceOnScience = "reliance-on-science"
    case generic

    /// The layout asked for, `nil` to recognise it.
    var layout: PatentFileLayout? {
        switch self {
        case .auto: nil
        case .relianceOnScience: .relianceOnScience
        case .generic: .generic
        }
    }
}
