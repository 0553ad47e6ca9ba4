/// One synthetic deployment as drawn from its own random stream: everything needed to write
/// it into any of the snapshots it belongs to.
///
/// Each deployment's stream is derived from the seed and its index alone, so the same
/// deployment comes out identical in every snapshot of a series without keeping a million of
/// them in memory, and snapshots can be written one after another.
struct SyntheticDraw {
    /// 1-based; the id is `syn-` and this number in nine digits.
    let index: Int
    let place: SyntheticRegions.Place
    let sector: Sector
    /// Index into `SyntheticVocabulary.departments(of: sector)`.
    let department: Int
    /// Whether the organisation's Chinese name is given (in parentheses after the English).
    let chineseKnown: Bool
    /// Index into the calendar.
    let day: Int
    /// When it was first reported (calendar index, `>= day`): the first snapshot whose `asOf`
    /// is on or after this day includes it.
    let reported: Int
    let approximate: Bool
    /// The status in the last snapshot that has it.
    let status: Status
    /// A status change: before snapshot `changedAt`, the status was `before`.
    let change: (before: Status, changedAt: Int)?
    /// Indices into the vocabulary, distinct, at most three of each.
    let models: [Int]
    let useCases: [Int]
    let source: Int
    /// Index into `SyntheticVocabulary.notes`, or -1 for none (approximate ones say why instead).
    let note: Int
    let uncertain: Bool
    /// Withdrawn from snapshot `removedAt` on (nil: present until the last snapshot).
    let removedAt: Int?

    /// The status shown in snapshot `k`.
    func status(inSnapshot k: Int) -> Status {
        if let change, k < change.changedAt { return change.before }
        return status
    }

    func isIncluded(inSnapshot k: Int, asOfIndex: Int) -> Bool {
        reported <= asOfIndex && (removedAt.map { k < $0 } ?? true)
    }
}

extension SyntheticGenerator {
    /// Draws deployment `index` (1-based). The draw order below is part of the output's
    /// definition: changing it changes every file for every seed.
    func draw(_ index: Int) -> SyntheticDraw {
        var rng = SplitMix64(seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(index))))
        let removedAt = removal(of: index)
        let lastIndex = removedAt.map { snapshotIndices[$0 - 1] } ?? snapshotIndices[snapshotIndices.count - 1]

        let place = regions.pick(&rng)
        let sectorIndex = sectorTable.pick(&rng)
        let sector = Sector.allCases[sectorIndex]
        let department = departmentTables[sectorIndex].pick(&rng)
        let usual = SyntheticVocabulary.departments(of: sector)[department].usual
        let chineseKnown = rng.chance(perMille: 650)
        let day = calendar.pick(&rng, upTo: lastIndex)
        let lag = rng.below(4) == 0 ? rng.below(30) : rng.below(5)
        let reported = min(day + lag, lastIndex)
        let approximate = rng.chance(perMille: 40)
        let status = Status.allCases[statusTable.pick(&rng)]
        var change: (Status, Int)? = nil
        if snapshots > 1, rng.chance(perMille: 30), let before = SyntheticVocabulary.earlierStatus(of: status) {
            change = (before, 1 + rng.below(snapshots - 1))
        }
        let models = distinct(&rng, from: modelTable, count: [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10)])
        var useCases = distinct(&rng, from: useCaseTable, count: [1, 1, 1, 1, 1, 2, 2, 3][rng.below(8)])
        if rng.chance(perMille: 600), !useCases.contains(usual) { useCases[0] = usual }
        let source = sourceTable.pick(&rng)
        let note = approximate || !rng.chance(perMille: 80) ? -1 : rng.below(SyntheticVocabulary.notes.count)
        let uncertain = rng.chance(perMille: 20)

        return SyntheticDraw(index: index, place: place, sector: sector, department: department,
                             chineseKnown: chineseKnown, day: day, reported: reported,
                             approximate: approximate, status: status,
                             change: change, models: models, useCases: useCases, source: source,
                             note: note, uncertain: uncertain, removedAt: removedAt)
    }

    /// `count` different indices from a weighted table.
    private func distinct(_ rng: inout SplitMix64, from table: WeightedTable, count: Int) -> [Int] {
        var out: [Int] = []
        while out.count < count {
            let i = table.pick(&rng)
            if !out.contains(i) { out.append(i) }
        }
        return out
    }

    /// Removed deployments are spread evenly through the index range: every `stride`-th
    /// index, the first `removedCount` of them, each withdrawn at a snapshot in turn.
    private func removal(of index: Int) -> Int? {
        guard removedCount > 0 else { return nil }
        let stride = total / removedCount
        let i = index - 1
        guard i % stride == stride - 1, i / stride < removedCount else { return nil }
        return 1 + (i / stride) % (snapshots - 1)
    }
}
