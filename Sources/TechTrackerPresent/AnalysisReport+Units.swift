import Foundation
import TechTrackerCore

/// The per-country and per-group sections of the report (METHOD §2, §9).
extension AnalysisReport {
    /// Per country the technologies where it is first and in the top 5, by exactly the rule of
    /// the headline (`CountryShareRow.isFirst`): otherwise the table could credit a country with
    /// a first place the headline does not count.
    static func countriesSection(_ results: AnalysisResults, window: PublicationWindow, selection: Selection) -> String
    {
        let byCountry = Dictionary(
            grouping: results.countryShares.filter { $0.unitType == .country && $0.isIn(window, selection.counting) },
            by: \.country)
        var table = TextTable(
            headers: ["country", "first in", "top 5 in", "first places"], alignments: [.left, .right, .right, .left])
        let ranked = byCountry.map { country, rows in
            (
                country: country, firsts: rows.filter(\.isFirst).sorted { $0.technology < $1.technology },
                top5: rows.filter(\.isTop5).count
            )
        }.filter { selection.country == nil || $0.country == selection.country }
            .sorted { ($0.firsts.count, $0.top5, $1.country) > ($1.firsts.count, $1.top5, $0.country) }
        for entry in ranked.prefix(selection.country == nil ? 15 : 1) {
            let firsts = entry.firsts
            table.append([
                entry.country,
                count(firsts.count, lowEvidence: firsts.filter(\.lowEvidence).count, tied: firsts.filter(\.tied).count),
                String(entry.top5),
                firsts.prefix(6).map(\.technology).joined(separator: ", ") + (firsts.count > 6 ? ", …" : ""),
            ])
        }
        return "\nCountries in \(window): technologies where first, and in the top 5\n" + table.render()
    }

    /// Per group: how often it is first among groups, how many technologies it leads over every
    /// non-member country (the headline's count for the group), and how often its Share would
    /// place it in the top 5 of the countries. With `--technology`, the group's figures in that
    /// technology as well. Nil when the analysis measured no group.
    static func groupsSection(_ results: AnalysisResults, window: PublicationWindow, selection: Selection) -> String? {
        let counting = selection.counting
        let rows = results.countryShares.filter { $0.unitType == .group && $0.isIn(window, counting) }
        let headlines = Dictionary(
            results.headline.filter { $0.unitType == .group && $0.counting == counting && $0.isIn(window) }
                .map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })
        let byGroup = Dictionary(grouping: rows, by: \.country)
        let names = Set(byGroup.keys).union(headlines.keys)
        guard !names.isEmpty else { return nil }
        let members = Dictionary(
            results.settings.groups.map { ($0.name, $0.members.count) }, uniquingKeysWith: { first, _ in first })

        let standings = names.map { name in
            let rows = byGroup[name] ?? []
            return (
                name: name, firsts: rows.filter(\.isFirst), led: headlines[name],
                top5: rows.filter { $0.share > 0 && ($0.rankAmongCountries ?? .max) <= 5 }.count
            )
        }.sorted {
            ($0.led?.technologiesLed ?? 0, $0.firsts.count, $1.name) > (
                $1.led?.technologiesLed ?? 0, $1.firsts.count, $0.name
            )
        }
        var table = TextTable(
            headers: [
                "group", "members", "first among groups in", "leads every non-member in", "top 5 among countries in",
            ],
            alignments: [.left, .right, .right, .right, .right])
        for group in standings {
            table.append([
                group.name, members[group.name].map(String.init) ?? "-",
                count(
                    group.firsts.count, lowEvidence: group.firsts.filter(\.lowEvidence).count,
                    tied: group.firsts.filter(\.tied).count),
                group.led.map { count($0.technologiesLed, lowEvidence: $0.ledLowEvidence, tied: $0.ledTied) } ?? "-",
                String(group.top5),
            ])
        }
        var out =
            "\nGroups in \(window) (each measured as one unit and ranked among groups; "
            + "never mixed into the country ranking)\n"
            + table.render()
        if let technology = selection.technology {
            out += "\n" + groupsInTechnology(rows.filter { $0.technology == technology }, technology: technology)
        }
        return out
    }

    /// The groups' own rows in one technology: rank among groups, Share, top-1% share, the ratio
    /// to the best non-member country and the place the Share would take among the countries.
    static func groupsInTechnology(_ rows: [CountryShareRow], technology: String) -> String {
        var table = TextTable(
            headers: [
                "group", "rank among groups", "share", "top 1%", "ratio to best non-member", "rank among countries",
                "flags",
            ],
            alignments: [.left, .right, .right, .right, .right, .right, .left])
        for row in rows.sorted(by: { ($0.rank, $0.country) < ($1.rank, $1.country) }) {
            var flags: [String] = []
            if row.tied { flags.append("tie") }
            if row.lowEvidence { flags.append("low evidence") }
            table.append([
                row.country, String(row.rank), NumberFormatting.percent(row.share),
                NumberFormatting.percent(row.shareTop1),
                ratio(row.ratioToBestOutside), row.rankAmongCountries.map(String.init) ?? "-",
                flags.joined(separator: "; "),
            ])
        }
        return "\nGroups in \(technology)\n" + table.render()
    }
}
