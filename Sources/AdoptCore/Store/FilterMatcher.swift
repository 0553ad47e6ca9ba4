/// A `Filter` compiled against one deployment table: sets become bitmasks and vocabulary
/// numbers, text becomes lower-cased byte patterns, so matching a row does no string work
/// unless there is text to find.
struct FilterMatcher {
    let isEmpty: Bool
    private let sectorMask: UInt8
    private let statusMask: UInt8
    private let models: [Bool]?
    private let families: [Bool]?
    private let useCases: [Bool]?
    /// Bit k + 1 for `Body.allCases[k]`; 0 when bodies are not filtered.
    private let bodyMask: UInt32
    /// Flag bits (approximate 1, uncertain 2) that exclude a row.
    private let flagMask: UInt8
    private let words: [[UInt8]]

    init(_ filter: Filter, table: DeploymentTable) {
        isEmpty = filter.isEmpty
        sectorMask = filter.sectors.reduce(0) { $0 | 1 << UInt8(Sector.allCases.firstIndex(of: $1)!) }
        statusMask = filter.statuses.reduce(0) { $0 | 1 << UInt8(Status.allCases.firstIndex(of: $1)!) }
        func wanted(_ names: Set<String>, _ vocabulary: Vocabulary) -> [Bool]? {
            guard !names.isEmpty else { return nil }
            return (0..<vocabulary.count).map { names.contains(vocabulary[$0]) }
        }
        models = wanted(filter.models, table.modelNames)
        // A family is the set of model names of that family.
        families = filter.families.isEmpty ? nil
            : (0..<table.modelNames.count).map { filter.families.contains(ModelFamily.of(table.modelNames[$0]).name) }
        useCases = wanted(filter.useCases, table.useCaseNames)
        words = filter.words.map { Array($0.utf8) }
        bodyMask = filter.bodies.reduce(0) { $0 | 1 << UInt32(DeploymentTable.bodyCode($1)) }
        flagMask = (filter.excludeApproximate ? 1 : 0) | (filter.excludeUncertain ? 2 : 0)
    }

    func matches(_ t: DeploymentTable, _ i: Int) -> Bool {
        if isEmpty { return true }
        if sectorMask != 0 && sectorMask & (1 << t.sectors[i]) == 0 { return false }
        if statusMask != 0 && statusMask & (1 << t.statuses[i]) == 0 { return false }
        if flagMask & t.flags[i] != 0 { return false }
        if bodyMask != 0 && bodyMask & (1 << UInt32(t.bodies[i])) == 0 { return false }
        if let models, !t.models[i].contains(where: { models[Int($0)] }) { return false }
        if let families, !t.models[i].contains(where: { families[Int($0)] }) { return false }
        if let useCases, !t.useCases[i].contains(where: { useCases[Int($0)] }) { return false }
        for w in words where !containsWord(t, i, w) { return false }
        return true
    }

    /// A word may be found in the organisation, id, note, or a model or use-case name.
    private func containsWord(_ t: DeploymentTable, _ i: Int, _ w: [UInt8]) -> Bool {
        if t.withOrganizationBytes(i, { FilterMatcher.find(w, in: $0) })
            || t.withIDBytes(i, { FilterMatcher.find(w, in: $0) })
            || t.withNoteBytes(i, { FilterMatcher.find(w, in: $0) }) { return true }
        for m in t.models[i] where FilterMatcher.find(w, in: t.modelNames[Int(m)]) { return true }
        for u in t.useCases[i] where FilterMatcher.find(w, in: t.useCaseNames[Int(u)]) { return true }
        return false
    }

    static func find(_ w: [UInt8], in s: String) -> Bool {
        var s = s
        return s.withUTF8 { find(w, in: $0) }
    }

    /// ASCII-case-insensitive substring search (`w` is lower-case already; CJK has no case).
    static func find(_ w: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = w.count
        guard n > 0 else { return true }
        guard hay.count >= n else { return false }
        let first = w[0]
        var k = 0
        while k <= hay.count - n {
            var c = hay[k]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c == first {
                var j = 1
                while j < n {
                    var h = hay[k + j]
                    if h >= 0x41 && h <= 0x5A { h |= 0x20 }
                    if h != w[j] { break }
                    j += 1
                }
                if j == n { return true }
            }
            k += 1
        }
        return false
    }
}
