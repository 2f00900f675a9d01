import Foundation

/// Why a harvest could not start or go on, as one plain line for the user (never holding the
/// API key).
public struct HarvestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Whose to correct: the input (exit code 2) or the run (exit code 1).
    public enum Kind: Sendable, Hashable {
        /// Options or an output folder that cannot be used as asked: the user must change them.
        case usage
        /// The run failed (the network, the server, the disk); rerunning resumes it.
        case failure
    }

    /// The message.
    public var description: String
    /// Whose to correct.
    public var kind: Kind

    /// Makes an error.
    init(_ description: String, kind: Kind = .usage) {
        self.description = description
        self.kind = kind
    }

    /// The same error with `secret` (and its percent-encoded form) replaced by `***`, should a
    /// server have echoed it.
    func redacting(_ secret: String?) -> HarvestError {
        guard let secret, !secret.isEmpty else { return self }
        var copy = self
        for form in Set([secret, URLQueryEncoding.encode(secret)]) {
            copy.description = copy.description.replacingOccurrences(of: form, with: "***")
        }
        return copy
    }

    /// A failure of the run.
    static func failure(_ description: String) -> HarvestError {
        HarvestError(description, kind: .failure)
    }
}
