import Foundation

/// The in-memory store: the loaded snapshots and the answers the panes ask for.
///
/// Queries never touch files. Each deployment's lineage (its region and every ancestor up to
/// the province) and its lower-cased search text are worked out once at load, so a count is a
/// single pass over the current snapshot's deployments with no string work unless the user
/// filters by text.
public final class Store: Sendable {
    /// Every valid snapshot, oldest `asOf` first.
    public let snapshots: [Snapshot]
    /// The newest valid snapshot: the current state.
    public let current: Snapshot
    public let gazetteer: Gazetteer

    private let lineages: [[RegionCode]]
    private let haystacks: [String]
    private let byID: [String: Int]
    private let sourcesByID: [String: Source]

    public init(snapshots: [Snapshot], gazetteer: Gazetteer = .shared) {
        let sorted = snapshots.sorted { ($0.asOf, $0.file) < ($1.asOf, $1.file) }
        self.snapshots = sorted
        self.current = sorted.last ?? Snapshot(file: "", asOf: Day(ordinal: 0))
        self.gazetteer = gazetteer
        let deployments = current.deployments
        lineages = deployments.map { gazetteer.lineage(of: $0.region) }
        haystacks = deployments.map { d in
            ([d.id, d.organization, d.note ?? ""] + d.models + d.useCases).joined(separator: "\n").lowercased()
        }
        var byID: [String: Int] = [:]
        for (i, d) in deployments.enumerated() { byID[d.id] = i }
        self.byID = byID
        var sourcesByID: [String: Source] = [:]
        for s in current.sources { sourcesByID[s.id] = s }
        self.sourcesByID = sourcesByID
    }

    // MARK: Counting

    /// Calls `body` with the index of every deployment that is dated on or before `day`
    /// and passes `filter`.
    private func forEachMatch(at day: Day, filter: Filter, _ body: (Int) -> Void) {
        let words = filter.words
        let plain = filter.isEmpty
        for (i, d) in current.deployments.enumerated() where d.date <= day {
            if plain || filter.matches(d, haystack: haystacks[i], words: words) { body(i) }
        }
    }

    /// Deployment counts per region, rolled up from county to prefecture to province, and the
    /// national total under `RegionCode.country`.
    public func counts(at day: Day, filter: Filter = Filter()) -> [RegionCode: Int] {
        var counts: [RegionCode: Int] = [:]
        var total = 0
        forEachMatch(at: day, filter: filter) { i in
            total += 1
            for code in lineages[i] { counts[code, default: 0] += 1 }
        }
        counts[.country] = total
        return counts
    }

    /// Earliest matching date per region (rolled up like counts).
    private func firstDates(at day: Day, filter: Filter) -> [RegionCode: Day] {
        var first: [RegionCode: Day] = [:]
        forEachMatch(at: day, filter: filter) { i in
            let d = current.deployments[i].date
            for code in lineages[i] + [.country] where first[code].map({ d < $0 }) ?? true {
                first[code] = d
            }
        }
        return first
    }

    /// The figures for one region.
    public func summary(of code: RegionCode, at day: Day, filter: Filter = Filter()) -> RegionSummary? {
        summaries(of: [code], at: day, filter: filter).first
    }

    /// The figures for each direct child of a region (provinces for the country), in code order.
    public func children(of code: RegionCode, at day: Day, filter: Filter = Filter()) -> [RegionSummary] {
        summaries(of: gazetteer.children(of: code), at: day, filter: filter)
    }

    private func summaries(of codes: [RegionCode], at day: Day, filter: Filter) -> [RegionSummary] {
        let counts = counts(at: day, filter: filter)
        let first = firstDates(at: day, filter: filter)
        return codes.compactMap { code in
            guard let region = code == .country ? Gazetteer.countryRegion : gazetteer.region(code)
            else { return nil }
            let kids = gazetteer.children(of: code)
            return RegionSummary(
                region: region, count: counts[code] ?? 0,
                covered: kids.reduce(0) { $0 + ((counts[$1] ?? 0) > 0 ? 1 : 0) },
                childCount: kids.count, firstDate: first[code])
        }
    }

    // MARK: Listing

    /// Matching deployments in a region or below it, dated on or before `day`, oldest first.
    public func deployments(in code: RegionCode, at day: Day, filter: Filter = Filter()) -> [Deployment] {
        var out: [Deployment] = []
        forEachMatch(at: day, filter: filter) { i in
            if code == .country || lineages[i].contains(code) { out.append(current.deployments[i]) }
        }
        return out.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// A deployment's full record, sources resolved; nil for an unknown id.
    public func record(id: String) -> DeploymentRecord? {
        guard let i = byID[id] else { return nil }
        let d = current.deployments[i]
        return DeploymentRecord(
            deployment: d,
            sources: d.sources.compactMap { sourcesByID[$0] },
            lineage: lineages[i].compactMap { gazetteer.region($0) })
    }

    public func source(id: String) -> Source? { sourcesByID[id] }

    // MARK: Time

    /// New and cumulative deployments per day for a region (the country for `.country`).
    public func timeline(of code: RegionCode, filter: Filter = Filter()) -> Timeline {
        var perDay: [Day: Int] = [:]
        forEachMatch(at: Day(ordinal: .max), filter: filter) { i in
            if code == .country || lineages[i].contains(code) {
                perDay[current.deployments[i].date, default: 0] += 1
            }
        }
        var running = 0
        let points = perDay.keys.sorted().map { day -> Timeline.Point in
            running += perDay[day]!
            return Timeline.Point(day: day, added: perDay[day]!, cumulative: running)
        }
        return Timeline(points: points)
    }

    /// Events dated within the range, oldest first.
    public func events(in range: ClosedRange<Day>) -> [Event] {
        current.events.filter { range.contains($0.date) }.sorted { $0.date < $1.date }
    }

    /// Claims dated within the range, oldest first.
    public func claims(in range: ClosedRange<Day>) -> [Claim] {
        current.claims.filter { range.contains($0.date) }.sorted { $0.date < $1.date }
    }

    /// The most recent claim about a region made on or before `day`.
    public func latestClaim(for code: RegionCode = .country, onOrBefore day: Day) -> Claim? {
        current.claims.filter { $0.region == code && $0.date <= day }.max { $0.date < $1.date }
    }

    /// From the earliest deployment or event to the current snapshot's `asOf`.
    public var dateRange: ClosedRange<Day> {
        let dates = current.deployments.map(\.date) + current.events.map(\.date)
        let lo = dates.min() ?? current.asOf
        return min(lo, current.asOf)...current.asOf
    }

    // MARK: Vocabulary (for filter menus)

    public var models: [String] { Set(current.deployments.flatMap(\.models)).sorted() }
    public var useCases: [String] { Set(current.deployments.flatMap(\.useCases)).sorted() }
}
