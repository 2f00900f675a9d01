/// The second half of matching, shared by text and token-id input: from the document's hits
/// to true leaves, to candidate queries, to the queries that match.
extension CompiledMatcher {
    /// Evaluates the leaves triggered by the hits, then the queries they appear in.
    func evaluate(_ scratch: inout MatchScratch) -> [Int] {
        let generation = scratch.generation
        var touchedIndex = 0
        while touchedIndex < scratch.touchedKeys.count {
            let key = Int(scratch.touchedKeys[touchedIndex])
            touchedIndex += 1
            for trigger in Int(compiled.triggerStart[key])..<Int(compiled.triggerStart[key + 1]) {
                let leaf = Int(compiled.triggerLeaves[trigger])
                if scratch.leafMark[leaf] == generation { continue }
                scratch.leafMark[leaf] = generation
                let value = isTrue(leaf: leaf, &scratch)
                scratch.leafValue[leaf] = value
                guard value else { continue }
                scratch.trueLeaves.append(Int32(leaf))
                for use in Int(compiled.leafQueryStart[leaf])..<Int(compiled.leafQueryStart[leaf + 1]) {
                    let query = Int(compiled.leafQueries[use])
                    if scratch.queryMark[query] != generation {
                        scratch.queryMark[query] = generation
                        scratch.candidateQueries.append(Int32(query))
                    }
                }
            }
        }
        guard !scratch.candidateQueries.isEmpty else { return [] }
        scratch.candidateQueries.sort()
        var result: [Int] = []
        for query in scratch.candidateQueries where runProgram(Int(query), &scratch) {
            result.append(Int(query))
        }
        return result
    }

    /// Runs a query's postfix program over the current leaf values; untouched leaves are false.
    private func runProgram(_ query: Int, _ scratch: inout MatchScratch) -> Bool {
        let generation = scratch.generation
        var depth = 0
        for index in Int(compiled.programStart[query])..<Int(compiled.programStart[query + 1]) {
            let op = compiled.programOps[index]
            if op >= 0 {
                let leaf = Int(op)
                scratch.stack[depth] = scratch.leafMark[leaf] == generation && scratch.leafValue[leaf]
                depth += 1
                continue
            }
            let right = scratch.stack[depth - 1]
            let left = scratch.stack[depth - 2]
            depth -= 1
            switch op {
            case CompiledQueries.opAnd: scratch.stack[depth - 1] = left && right
            case CompiledQueries.opOr: scratch.stack[depth - 1] = left || right
            default: scratch.stack[depth - 1] = left && !right
            }
        }
        return depth == 1 && scratch.stack[0]
    }

    private func isTrue(leaf index: Int, _ scratch: inout MatchScratch) -> Bool {
        let leaf = compiled.leaves[index]
        if !leaf.isNear {
            return phraseOccurs(Int(leaf.phrase), segmentMask: leaf.segmentMask, scratch)
        }
        scratch.leftSpans.removeAll(keepingCapacity: true)
        scratch.rightSpans.removeAll(keepingCapacity: true)
        for alternative in Int(leaf.leftStart)..<Int(leaf.leftEnd) {
            collectSpans(
                of: Int(compiled.nearAlternatives[alternative]), segmentMask: leaf.segmentMask, right: false, &scratch)
        }
        if scratch.leftSpans.isEmpty { return false }
        for alternative in Int(leaf.rightStart)..<Int(leaf.rightEnd) {
            collectSpans(
                of: Int(compiled.nearAlternatives[alternative]), segmentMask: leaf.segmentMask, right: true, &scratch)
        }
        let distance = leaf.distance
        for left in scratch.leftSpans {
            for right in scratch.rightSpans where left.segment == right.segment {
                // Words strictly between the two spans; overlapping spans never match.
                if right.first > left.last {
                    if right.first - left.last - 1 <= distance { return true }
                } else if left.first > right.last {
                    if left.first - right.last - 1 <= distance { return true }
                }
            }
        }
        return false
    }

    /// The latest hit of a key in this document, or -1.
    @inline(__always)
    private func latestHit(of key: Int, _ scratch: MatchScratch) -> Int {
        scratch.keyMark[key] == scratch.generation ? Int(scratch.keyLatestHit[key]) : -1
    }

    private func phraseOccurs(_ phrase: Int, segmentMask: UInt8, _ scratch: MatchScratch) -> Bool {
        let info = compiled.phrases[phrase]
        guard info.length > 0 else { return false }
        var hit = latestHit(of: Int(compiled.phraseKeys[Int(info.keysStart)]), scratch)
        while hit >= 0 {
            let found = scratch.hits[hit]
            if segmentMask & CompiledQueries.segmentBit(found.segment) != 0, continues(info, from: hit, scratch) {
                return true
            }
            hit = Int(found.previousOfKey)
        }
        return false
    }

    private func collectSpans(of phrase: Int, segmentMask: UInt8, right: Bool, _ scratch: inout MatchScratch) {
        let info = compiled.phrases[phrase]
        guard info.length > 0 else { return }
        var hit = latestHit(of: Int(compiled.phraseKeys[Int(info.keysStart)]), scratch)
        while hit >= 0 {
            let found = scratch.hits[hit]
            if segmentMask & CompiledQueries.segmentBit(found.segment) != 0, continues(info, from: hit, scratch) {
                let span = MatchScratch.Span(
                    first: found.position, last: found.position + info.length - 1, segment: found.segment)
                if right { scratch.rightSpans.append(span) } else { scratch.leftSpans.append(span) }
            }
            hit = Int(found.previousOfKey)
        }
    }

    /// Whether the phrase's other words follow the hit at `start` (its first word) on the
    /// next positions. Hits are in position order, so the search only moves forward; a
    /// segment change leaves a position with no hits, which ends the phrase.
    private func continues(_ info: CompiledQueries.Phrase, from start: Int, _ scratch: MatchScratch) -> Bool {
        let firstPosition = scratch.hits[start].position
        var cursor = start
        let hitCount = scratch.hits.count
        for offset in 1..<Int(info.length) {
            let wanted = compiled.phraseKeys[Int(info.keysStart) + offset]
            let position = firstPosition + Int32(offset)
            while cursor < hitCount, scratch.hits[cursor].position < position { cursor += 1 }
            var found = false
            while cursor < hitCount, scratch.hits[cursor].position == position {
                if scratch.hits[cursor].key == wanted { found = true; break }
                cursor += 1
            }
            if !found { return false }
        }
        return true
    }
}
