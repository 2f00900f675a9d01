import TechTrackerCore
extension RecordSerializer {
    /// Writes `primary_topic`, `topics`, `keywords`, `concepts` and `mesh`, from the work's
    /// subjects and the terms its title and abstract used.
    func writeSubjects(
        kind: WorkKind, context: WorkContext, rng: inout SplitMix64, scratch: inout RecordScratch,
        into sink: inout ByteSink
    ) {
        // Topics: all of the main subject's, then the first of each other technology.
        var topics: [(head: TextPiece, tail: TextPiece, field: Int)] = []
        if context.primaryOwner >= WorkContext.fillerOwnerBase {
            topics = tables.fillerTopics[context.primaryOwner - WorkContext.fillerOwnerBase]
        } else {
            topics = tables.technologyTopics[context.primaryOwner]
            for owner in context.otherOwners {
                if let first = tables.technologyTopics[owner].first { topics.append(first) }
            }
        }
        if topics.count > 3 { topics.removeLast(topics.count - 3) }
        var score = 0.95 + 0.049 * rng.nextDouble()
        var scores: [Double] = []
        for _ in topics {
            scores.append(score)
            score -= 0.005 + 0.04 * rng.nextDouble()
        }
        sink.append(",\"primary_topic\":")
        if let first = topics.first {
            writeScored(first.head, scores[0], first.tail, into: &sink)
        } else {
            sink.append("null")
        }
        sink.append(",\"topics\":[")
        for (index, topic) in topics.enumerated() {
            if index > 0 { sink.append(byte: 0x2C) }
            writeScored(topic.head, scores[index], topic.tail, into: &sink)
        }

        // Keywords: one term of each subject first (so every technology of the work shows in
        // its keywords), then the other terms used, then more of the main subject's if few.
        let owners = [context.primaryOwner] + context.otherOwners
        scratch.keywordTerms.removeAll(keepingCapacity: true)
        for owner in owners {
            let used = scratch.usedTerms.first { Int($0 >> 16) == owner }
            let key = used ?? (UInt32(owner) << 16 | UInt32(rng.nextInt(below: terms(of: owner).count)))
            if !scratch.keywordTerms.contains(key) { scratch.keywordTerms.append(key) }
        }
        for key in scratch.usedTerms where !scratch.keywordTerms.contains(key) { scratch.keywordTerms.append(key) }
        var extra = 0
        while scratch.keywordTerms.count < 5 && extra < 12 {
            let key =
                UInt32(context.primaryOwner) << 16 | UInt32(rng.nextInt(below: terms(of: context.primaryOwner).count))
            if !scratch.keywordTerms.contains(key) { scratch.keywordTerms.append(key) }
            extra += 1
        }
        sink.append("],\"keywords\":[")
        score = 0.55 + 0.3 * rng.nextDouble()
        for (index, key) in scratch.keywordTerms.prefix(5).enumerated() {
            if index > 0 { sink.append(byte: 0x2C) }
            writeScored(keywordPiece(key), score, nil, into: &sink)
            score = max(0.05, score - 0.02 - 0.06 * rng.nextDouble())
        }

        // Concepts: the terms as level-2/3 concepts, then the fields' level-0 concepts.
        sink.append("],\"concepts\":[")
        score = 0.6 + 0.35 * rng.nextDouble()
        var written = 0
        for key in scratch.keywordTerms.prefix(4) {
            if written > 0 { sink.append(byte: 0x2C) }
            writeScored(conceptPiece(key), score, nil, into: &sink)
            score = max(0.1, score - 0.02 - 0.05 * rng.nextDouble())
            written += 1
        }
        var fields = [context.field]
        if let second = context.secondField, second != context.field { fields.append(second) }
        for field in fields {
            guard let root = tables.rootConcepts[field] else { continue }
            if written > 0 { sink.append(byte: 0x2C) }
            writeScored(root, score, nil, into: &sink)
            score = max(0.05, score - 0.05)
            written += 1
        }

        sink.append("],\"mesh\":[")
        if context.isMedical && (kind == .article || kind == .review) {
            let checkTags = 1 + rng.nextInt(below: 3)
            for index in 0..<checkTags {
                if index > 0 { sink.append(byte: 0x2C) }
                sink.append(
                    tables.meshHeadings[index == 0 ? 0 : 1 + rng.nextInt(below: MedicalHeadings.checkTagCount - 1)],
                    arena)
                sink.append("false}")
            }
            let subjectCount = tables.meshHeadings.count - MedicalHeadings.checkTagCount
            for _ in 0..<(1 + rng.nextInt(below: 2)) {
                sink.append(byte: 0x2C)
                sink.append(
                    tables.meshHeadings[MedicalHeadings.checkTagCount + rng.nextInt(below: subjectCount)], arena)
                sink.append("true}")
            }
        }
        sink.append(byte: 0x5D)
    }

    /// Writes `head` + score (+ `tail`, or a closing brace).
    private func writeScored(_ head: TextPiece, _ score: Double, _ tail: TextPiece?, into sink: inout ByteSink) {
        sink.append(head, arena)
        sink.append(decimal: score, places: 7)
        if let tail { sink.append(tail, arena) } else { sink.append(byte: 0x7D) }
    }

    private func keywordPiece(_ key: UInt32) -> TextPiece {
        let owner = Int(key >> 16), term = Int(key & 0xFFFF)
        return owner >= WorkContext.fillerOwnerBase
            ? tables.fillerKeywords[owner - WorkContext.fillerOwnerBase][term]
            : tables.technologyKeywords[owner][term]
    }

    private func conceptPiece(_ key: UInt32) -> TextPiece {
        let owner = Int(key >> 16), term = Int(key & 0xFFFF)
        return owner >= WorkContext.fillerOwnerBase
            ? tables.fillerConcepts[owner - WorkContext.fillerOwnerBase][term]
            : tables.technologyConcepts[owner][term]
    }

    /// Writes `sustainable_development_goals` and `grants`.
    func writeGoalsAndGrants(context: WorkContext, rng: inout SplitMix64, into sink: inout ByteSink) {
        sink.append(",\"sustainable_development_goals\":[")
        if rng.chance(0.6), let goal = tables.goals[context.goal] {
            writeScored(goal, 0.4 + 0.55 * rng.nextDouble(), nil, into: &sink)
        }
        sink.append("],\"grants\":[")
        if rng.chance(0.45) {
            let national = tables.fundersByCountry[context.leadCountry]
            let count = national.isEmpty ? 1 : 1 + rng.nextInt(below: 2)
            for index in 0..<count {
                if index > 0 { sink.append(byte: 0x2C) }
                let funder =
                    national.isEmpty || rng.chance(0.1) ? rng.pick(tables.internationalFunders) : rng.pick(national)
                sink.append(tables.funders[funder], arena)
                if rng.chance(0.7) {
                    sink.append(byte: 0x22)
                    sink.append(int: 10_000_000 + rng.nextInt(below: 89_999_999))
                    sink.append("\"}")
                } else {
                    sink.append("null}")
                }
            }
        }
        sink.append(byte: 0x5D)
    }
}
