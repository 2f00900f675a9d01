import TechTrackerCore
extension RecordSerializer {
    /// Chooses the journal (or repository, for preprints) and open-access status, writes
    /// `primary_location`, and remembers where it is so `locations` can repeat it.
    func writeLocations(
        kind: WorkKind, number: UInt64, context: WorkContext, rng: inout SplitMix64,
        scratch: inout RecordScratch, into sink: inout ByteSink
    ) -> AccessInfo {
        var access = AccessInfo()
        // Life-science fields deposit in bioRxiv, the others in arXiv.
        let repository = [11, 13, 24, 27, 28, 30].contains(context.field) ? 1 : 0
        scratch.primaryLocationStart = sink.count
        if kind == .preprint {
            access.isOpenAccess = true
            access.primaryIsOpenAccess = true
            access.status = "green"
            access.hasRepositoryCopy = true
            writeRepositoryLocation(repository, number: number, into: &sink)
            scratch.primaryLocationLength = sink.count - scratch.primaryLocationStart
            return access
        }
        let field = tables.journalsByField[context.field] == nil ? 22 : context.field
        let journals = tables.journalsByField[field] ?? []
        let journal = journals.isEmpty ? -1 : rng.nextInt(below: journals.count)
        let journalIsOpen = journal >= 0 && (tables.journalIsOpenAccess[field]?[journal] ?? false)
        let u = rng.nextDouble()
        var license: StaticString? = nil
        if journalIsOpen {
            access.status = "gold"
            access.isGold = true
            access.apcUSD = tables.journalAPC[field]?[journal] ?? 0
            license = "cc-by"
        } else if u < 0.08 {
            access.status = "hybrid"
            license = "cc-by"
        } else if u < 0.16 {
            access.status = "bronze"
        }
        access.primaryIsOpenAccess = journalIsOpen || u < 0.16
        if kind == .article || kind == .review, rng.chance(0.16) {
            access.hasRepositoryCopy = true
            access.repositories.0 = repository
            if rng.chance(0.08) { access.repositories.1 = 1 - repository }
            if !access.primaryIsOpenAccess { access.status = "green" }
        }
        access.isOpenAccess = access.primaryIsOpenAccess || access.hasRepositoryCopy

        sink.append("{\"is_oa\":")
        sink.append(access.primaryIsOpenAccess ? "true" : "false")
        sink.append(",\"landing_page_url\":")
        sink.appendQuotedID("https://doi.org/10.5555/synth.", number)
        sink.append(",\"pdf_url\":")
        if access.primaryIsOpenAccess {
            sink.appendQuotedID("https://example.org/synthetic/pdf/W", number)
        } else {
            sink.append("null")
        }
        sink.append(",\"source\":")
        if journal >= 0 { sink.append(journals[journal], arena) } else { sink.append("null") }
        if let license {
            sink.append(",\"license\":\"")
            sink.append(license)
            sink.append("\",\"license_id\":\"https://openalex.org/licenses/")
            sink.append(license)
            sink.append("\"")
        } else {
            sink.append(",\"license\":null,\"license_id\":null")
        }
        sink.append(",\"version\":\"publishedVersion\",\"is_accepted\":true,\"is_published\":true}")
        scratch.primaryLocationLength = sink.count - scratch.primaryLocationStart
        return access
    }

    private func writeRepositoryLocation(_ repository: Int, number: UInt64, into sink: inout ByteSink) {
        sink.append("{\"is_oa\":true,\"landing_page_url\":\"https://example.org/synthetic/repository/")
        sink.append(int: repository)
        sink.append("/W")
        sink.append(int: Int(number))
        sink.append("\",\"pdf_url\":\"https://example.org/synthetic/repository/")
        sink.append(int: repository)
        sink.append("/W")
        sink.append(int: Int(number))
        sink.append(".pdf\",\"source\":")
        sink.append(tables.repositories[repository], arena)
        sink.append(
            """
            ,\"license\":null,\"license_id\":null,\"version\":\"submittedVersion\",\
            \"is_accepted\":false,\"is_published\":false}
            """
        )
    }

    /// Writes `locations_count`, `locations` and `best_oa_location`.
    func writeLocationList(access: AccessInfo, number: UInt64, scratch: RecordScratch, into sink: inout ByteSink) {
        let (firstCopy, secondCopy) = access.repositories
        sink.append(",\"locations_count\":")
        sink.append(int: 1 + (firstCopy >= 0 ? 1 : 0) + (secondCopy >= 0 ? 1 : 0))
        sink.append(",\"locations\":[")
        sink.appendCopy(from: scratch.primaryLocationStart, count: scratch.primaryLocationLength)
        for repository in [firstCopy, secondCopy] where repository >= 0 {
            sink.append(byte: 0x2C)
            writeRepositoryLocation(repository, number: number, into: &sink)
        }
        sink.append("],\"best_oa_location\":")
        if access.primaryIsOpenAccess {
            sink.appendCopy(from: scratch.primaryLocationStart, count: scratch.primaryLocationLength)
        } else if firstCopy >= 0 {
            writeRepositoryLocation(firstCopy, number: number, into: &sink)
        } else {
            sink.append("null")
        }
    }

    /// Writes `referenced_works_count`, `referenced_works` (ascending, as OpenAlex lists
    /// them) and `related_works` (works of the same subject).
    func writeReferences(
        work: Int, context: WorkContext, rng: inout SplitMix64, scratch: inout RecordScratch,
        into sink: inout ByteSink
    ) {
        scratch.referenceNumbers.removeAll(keepingCapacity: true)
        for position in corpus.referenceStart[work]..<corpus.referenceStart[work + 1] {
            scratch.referenceNumbers.append(corpus.workNumber(Int(corpus.references[position])))
        }
        scratch.referenceNumbers.sort()
        sink.append(",\"referenced_works_count\":")
        sink.append(int: scratch.referenceNumbers.count)
        sink.append(",\"referenced_works\":[")
        for (index, reference) in scratch.referenceNumbers.enumerated() {
            if index > 0 { sink.append(byte: 0x2C) }
            sink.appendQuotedID("https://openalex.org/W", reference)
        }
        sink.append("],\"related_works\":[")
        let members = subjectMembers[corpus.subject(ofWork: work)]
        var written = 0
        for _ in 0..<(members.count > 1 ? 10 : 0) {
            let related = Int(members[rng.nextInt(below: members.count)])
            if related == work { continue }
            if written > 0 { sink.append(byte: 0x2C) }
            sink.appendQuotedID("https://openalex.org/W", corpus.workNumber(related))
            written += 1
        }
        sink.append(byte: 0x5D)
    }

    /// Writes `counts_by_year`: citations per year, newest first, years without citations
    /// left out; in-corpus citations by the citing works' years, the rest spread over the
    /// years since publication (peaking two to four years after it). Sums to `cited_by_count`.
    func writeCountsByYear(
        work: Int, year: Int, rng: inout SplitMix64, scratch: inout RecordScratch,
        into sink: inout ByteSink
    ) {
        let firstYear = corpus.configuration.fromYear
        let lastYear = corpus.configuration.toYear
        let span = lastYear - year + 1
        scratch.yearCounts.removeAll(keepingCapacity: true)
        scratch.yearCounts.append(contentsOf: repeatElement(0, count: span))
        for position in corpus.citingStart[work]..<corpus.citingStart[work + 1] {
            let citingYear = firstYear + Int(corpus.citingYears[position])
            scratch.yearCounts[min(span - 1, max(0, citingYear - year))] += 1
        }
        let external = Int(corpus.externalCitations[work])
        if external > 0 {
            var weights: [Double] = []
            var total = 0.0
            for age in 0..<span {
                let weight = (Double(age) + 0.6) * exp(-Double(age) / 4)
                total += weight
                weights.append(total)
            }
            var remaining = external
            if external > 64 {
                // Large counts: proportional shares, the rounding remainder drawn below.
                var previous = 0.0
                for age in 0..<span {
                    let share = Int(Double(external) * (weights[age] - previous) / total)
                    scratch.yearCounts[age] += share
                    remaining -= share
                    previous = weights[age]
                }
            }
            for _ in 0..<remaining {
                let target = rng.nextDouble() * total
                var age = 0
                while age < span - 1 && weights[age] <= target { age += 1 }
                scratch.yearCounts[age] += 1
            }
        }
        sink.append(byte: 0x5B)
        var written = 0
        for age in stride(from: span - 1, through: 0, by: -1) where scratch.yearCounts[age] > 0 {
            if written > 0 { sink.append(byte: 0x2C) }
            sink.append("{\"year\":")
            sink.append(int: year + age)
            sink.append(",\"cited_by_count\":")
            sink.append(int: scratch.yearCounts[age])
            sink.append(byte: 0x7D)
            written += 1
        }
        sink.append(byte: 0x5D)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
