import Foundation
public import TechTrackerClassify

/// The requests of a harvest: each technology's query translated into OpenAlex searches
/// (``QueryTranslation``), split so that every URL stays under OpenAlex's limit
/// (``SearchSplitter``), with the filters every request shares. Pure: the same technologies,
/// filters and base URL always give the same plan, and the plan's fingerprint identifies a
/// harvest's output folder.
public struct HarvestPlan: Sendable {
    /// One search, paged through with a cursor.
    public struct Request: Hashable, Sendable {
        /// The technology's id.
        public var technology: String
        /// Which part of the technology's search this is, from 1.
        public var part: Int
        /// How many parts the technology's search has.
        public var parts: Int
        /// What the search covers.
        public var scope: SearchScope
        /// The search as OpenAlex reads it.
        public var search: SearchExpression
        /// The URL's query without cursor, contact and key, encoded
        /// (`filter=title_and_abstract.search.no_stem:…,publication_year:…&per-page=200`).
        public var query: String
    }

    /// OpenAlex's limit on a request URL, in bytes.
    public static let maximumURLBytes = 4094
    /// Room kept in every URL for the cursor (OpenAlex's are about 100 bytes).
    static let cursorRoom = 400
    /// The longest `--mailto` address, percent-encoded.
    public static let longestMailto = 256
    /// The longest `--api-key`, percent-encoded.
    public static let longestAPIKey = 128

    /// The API's address, without a trailing slash (`https://api.openalex.org`).
    public var baseURL: String
    /// What every request asks for besides its search.
    public var filters: HarvestFilters
    /// How OpenAlex is searched.
    public var options: SearchOptions
    /// The requests, technology by technology in the order given, parts in order.
    public var requests: [Request]

    /// The default API address.
    public static let defaultBaseURL = "https://api.openalex.org"

    /// A plan for `technologies` (id and parsed query each), searched with `options`. Throws
    /// when `baseURL` is not an http(s) URL or a single term is too long for any URL.
    public init(
        technologies: [(id: String, query: Query)], filters: HarvestFilters, baseURL: String = defaultBaseURL,
        options: SearchOptions = SearchOptions()
    ) throws(HarvestError) {
        self.baseURL = try Self.normalized(baseURL: baseURL)
        self.filters = filters
        self.options = options
        var requests: [Request] = []
        for technology in technologies {
            let translation = QueryTranslation(technology.query, options: options)
            let budget =
                Self.maximumURLBytes
                - Self.fixedLength(
                    baseURL: self.baseURL, scope: translation.scope, stemmed: options.stemmed, filters: filters)
            let parts: [SearchExpression]
            do {
                parts = try SearchSplitter.split(translation.expression, budget: budget)
            } catch {
                throw HarvestError(
                    "\(technology.id): the term \(error.term) is too long for one OpenAlex request URL")
            }
            for (index, part) in parts.enumerated() {
                requests.append(
                    Request(
                        technology: technology.id, part: index + 1, parts: parts.count, scope: translation.scope,
                        search: part,
                        query: Self.query(
                            search: part, scope: translation.scope, stemmed: options.stemmed, filters: filters)))
            }
        }
        self.requests = requests
    }

    /// The relative query of a request: the search in its parameter, the other filters, the
    /// page size. OpenAlex joins filters with commas and the filter parameter with the search
    /// parameter by AND.
    static func query(
        search: SearchExpression, scope: SearchScope, stemmed: Bool, filters: HarvestFilters
    ) -> String {
        let (name, prefix) = scope.parameter(stemmed: stemmed)
        let searchValue = URLQueryEncoding.encode(prefix + search.text)
        let otherFilters = filters.filterItems.map(URLQueryEncoding.encode)
        var parts: [String]
        if scope.isFilter {
            parts = ["filter=" + ([searchValue] + otherFilters).joined(separator: ",")]
        } else {
            parts = [name + "=" + searchValue]
            if !otherFilters.isEmpty { parts.append("filter=" + otherFilters.joined(separator: ",")) }
        }
        parts.append("per-page=\(filters.perPage)")
        return parts.joined(separator: "&")
    }

    /// The bytes of a request URL other than its search, with the room kept for the cursor,
    /// the contact address and the key.
    static func fixedLength(baseURL: String, scope: SearchScope, stemmed: Bool, filters: HarvestFilters) -> Int {
        let empty = query(search: .word(""), scope: scope, stemmed: stemmed, filters: filters)
        return baseURL.utf8.count + "/works?".utf8.count + empty.utf8.count
            + "&cursor=".utf8.count + cursorRoom + "&mailto=".utf8.count + longestMailto
            + "&api_key=".utf8.count + longestAPIKey
    }

    /// The URL of one page: the request's query, the cursor (`*` for the first page), and the
    /// contact address and key when given.
    public func url(for request: Request, cursor: String, mailto: String?, apiKey: String?) -> String {
        var url = baseURL + "/works?" + request.query + "&cursor=" + URLQueryEncoding.encode(cursor)
        if let mailto { url += "&mailto=" + URLQueryEncoding.encode(mailto) }
        if let apiKey { url += "&api_key=" + URLQueryEncoding.encode(apiKey) }
        return url
    }

    /// The same URL as it may be shown: the key replaced by `***`.
    public func displayURL(for request: Request, cursor: String, mailto: String?, hasAPIKey: Bool) -> String {
        url(for: request, cursor: cursor, mailto: mailto, apiKey: nil) + (hasAPIKey ? "&api_key=***" : "")
    }

    /// Identifies the plan (and so the output folder it fills): a 64-bit FNV-1a hash of the
    /// base URL and every request's technology, part and query, as 16 hex digits.
    public var fingerprint: String {
        var text = baseURL + "\n"
        for request in requests {
            text += "\(request.technology)\t\(request.part)/\(request.parts)\t\(request.query)\n"
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `baseURL` without trailing slashes, checked to be an http or https URL with a host.
    static func normalized(baseURL: String) throws(HarvestError) -> String {
        var text = baseURL
        while text.hasSuffix("/") { text.removeLast() }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil
        else {
            throw HarvestError(
                "--base-url must be an http or https address without a query, e.g. \(defaultBaseURL) (got '\(baseURL)')"
            )
        }
        return text
    }
}
