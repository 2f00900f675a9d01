import TechTrackerCore
extension RecordSerializer {
    /// The terms of a term owner (a technology, or a filler subject).
    @inline(__always)
    func terms(of owner: Int) -> [Phrase] {
        owner >= WorkContext.fillerOwnerBase
            ? phrases.fillerTerms[owner - WorkContext.fillerOwnerBase]
            : phrases.technologyTerms[owner]
    }

    /// Draws the phrase for a slot (terms favour the head of the list, the field's core words).
    private func phrase(
        for slot: TemplateSlot, context: WorkContext, rng: inout SplitMix64,
        scratch: inout RecordScratch
    ) -> Phrase {
        switch slot {
        case .term, .capitalizedTerm, .otherTerm:
            let owner =
                slot == .otherTerm && !context.otherOwners.isEmpty
                ? rng.pick(context.otherOwners) : context.primaryOwner
            let list = terms(of: owner)
            let u = rng.nextDouble()
            let index = min(list.count - 1, Int(Double(list.count) * u * (0.5 + 0.5 * u)))
            scratch.noteTerm(owner: owner, term: index)
            return list[index]
        case .adjective: return rng.pick(phrases.adjectives)
        case .method: return rng.pick(phrases.methods)
        case .metric: return rng.pick(phrases.metrics)
        case .number: return rng.pick(phrases.numbers)
        case .setting, .literal: return rng.pick(phrases.settings)
        }
    }

    /// Writes the quoted title.
    func writeTitle(
        kind: WorkKind, context: WorkContext, rng: inout SplitMix64, scratch: inout RecordScratch,
        into sink: inout ByteSink
    ) {
        let frames: [[TemplateToken]]
        switch kind {
        case .paratext:
            sink.appendQuoted(rng.pick(phrases.paratextTitles), arena)
            return
        case .review: frames = phrases.reviewTitles
        case .editorial: frames = phrases.editorialTitles
        case .erratum: frames = phrases.erratumTitles
        default: frames = phrases.articleTitles
        }
        sink.append(byte: 0x22)
        var first = true
        for token in rng.pick(frames) {
            if token.slot == .literal {
                if !first { sink.append(byte: 0x20) }
                sink.append(phrases.words[Int(token.word)], arena)
                first = false
                continue
            }
            let words = phrases.wordIDs(phrase(for: token.slot, context: context, rng: &rng, scratch: &scratch))
            for (offset, word) in words.enumerated() {
                if !first { sink.append(byte: 0x20) }
                first = false
                if offset == 0 { sink.append(phrases.prefixes[Int(token.prefix)], arena) }
                let shown = offset == 0 && token.slot == .capitalizedTerm ? phrases.capitalized[Int(word)] : word
                sink.append(phrases.words[Int(shown)], arena)
                if offset == words.count - 1 { sink.append(phrases.suffixes[Int(token.suffix)], arena) }
            }
        }
        sink.append(byte: 0x22)
    }

    /// Appends one sentence frame's tokens to the abstract.
    private func emit(
        _ frame: [TemplateToken], context: WorkContext, rng: inout SplitMix64, scratch: inout RecordScratch
    ) {
        let stride = UInt32(PhraseTables.decorationCount)
        for token in frame {
            if token.slot == .literal {
                scratch.tokens.append(token.word * stride)
                continue
            }
            let words = phrases.wordIDs(phrase(for: token.slot, context: context, rng: &rng, scratch: &scratch))
            for (offset, word) in words.enumerated() {
                let prefix = offset == 0 ? UInt32(token.prefix) : 0
                let suffix = offset == words.count - 1 ? UInt32(token.suffix) : 0
                scratch.tokens.append(word * stride + prefix * 6 + suffix)
            }
        }
    }

    /// Composes the abstract (150-250 words from the sentence frames) into `scratch.tokens`,
    /// before keywords and concepts are written (they list the terms it used). Returns false
    /// for works without abstract: editorials, errata, paratext and a few articles.
    func composeAbstract(
        kind: WorkKind, context: WorkContext, rng: inout SplitMix64,
        scratch: inout RecordScratch
    ) -> Bool {
        scratch.tokens.removeAll(keepingCapacity: true)
        let hasAbstract = kind == .article || kind == .review || kind == .preprint
        guard hasAbstract && !rng.chance(0.03) else { return false }
        let target = 152 + rng.nextInt(below: 45)
        emit(rng.pick(phrases.background), context: context, rng: &rng, scratch: &scratch)
        if rng.chance(0.6) { emit(rng.pick(phrases.background), context: context, rng: &rng, scratch: &scratch) }
        emit(rng.pick(phrases.gap), context: context, rng: &rng, scratch: &scratch)
        emit(rng.pick(phrases.proposal), context: context, rng: &rng, scratch: &scratch)
        var sentences = 0
        while scratch.tokens.count < target - 50 && sentences < 7 {
            emit(rng.pick(phrases.method), context: context, rng: &rng, scratch: &scratch)
            sentences += 1
        }
        sentences = 0
        while scratch.tokens.count < target - 15 && sentences < 6 {
            emit(rng.pick(phrases.results), context: context, rng: &rng, scratch: &scratch)
            sentences += 1
        }
        emit(rng.pick(phrases.conclusion), context: context, rng: &rng, scratch: &scratch)
        while scratch.tokens.count < 150 {
            emit(rng.pick(phrases.results), context: context, rng: &rng, scratch: &scratch)
        }
        return true
    }

    /// Writes `abstract_inverted_index` from `scratch.tokens` as OpenAlex gives abstracts
    /// (word -> positions, words in order of first appearance). Token positions are grouped
    /// through `slotOfKey`, indexed by token key and reset after use.
    func writeInvertedIndex(scratch: inout RecordScratch, into sink: inout ByteSink) {
        scratch.distinctKeys.removeAll(keepingCapacity: true)
        scratch.firstPosition.removeAll(keepingCapacity: true)
        scratch.lastPosition.removeAll(keepingCapacity: true)
        scratch.nextPosition.removeAll(keepingCapacity: true)
        for (position, key) in scratch.tokens.enumerated() {
            scratch.nextPosition.append(-1)
            let slot = scratch.slotOfKey[Int(key)]
            if slot < 0 {
                scratch.slotOfKey[Int(key)] = Int32(scratch.distinctKeys.count)
                scratch.distinctKeys.append(key)
                scratch.firstPosition.append(Int32(position))
                scratch.lastPosition.append(Int32(position))
            } else {
                scratch.nextPosition[Int(scratch.lastPosition[Int(slot)])] = Int32(position)
                scratch.lastPosition[Int(slot)] = Int32(position)
            }
        }
        let stride = UInt32(PhraseTables.decorationCount)
        sink.append(byte: 0x7B)
        for (slot, key) in scratch.distinctKeys.enumerated() {
            if slot > 0 { sink.append(byte: 0x2C) }
            let decoration = Int(key % stride)
            sink.append(byte: 0x22)
            sink.append(phrases.prefixes[decoration / 6], arena)
            sink.append(phrases.words[Int(key / stride)], arena)
            sink.append(phrases.suffixes[decoration % 6], arena)
            sink.append("\":[")
            var position = scratch.firstPosition[slot]
            var firstInList = true
            while position >= 0 {
                if !firstInList { sink.append(byte: 0x2C) }
                firstInList = false
                sink.append(int: Int(position))
                position = scratch.nextPosition[Int(position)]
            }
            sink.append(byte: 0x5D)
            scratch.slotOfKey[Int(key)] = -1
        }
        sink.append(byte: 0x7D)
    }
}
