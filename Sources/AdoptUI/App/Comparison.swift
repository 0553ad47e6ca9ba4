import AdoptCore

/// The timeline's state beyond the date: the pinned regions, whether each kind of timeline
/// shows per-period additions or cumulative counts (`t`), and the pinned regions' series,
/// kept between frames.
///
/// The series are counted through the end of the date range, once per (pins, store, filter),
/// and cut at the date when drawn: stepping or playing the date costs no counting, and a
/// filter the store's timeline cache cannot answer (free text, certainty) costs one pass per
/// pinned region only when the pins or the filter change.
public struct Comparison {
    public internal(set) var pins = Pins()
    /// The single region's timeline: per-period bars by default.
    public internal(set) var singleCumulative = false
    /// The comparison: cumulative by default (like with like on one scale).
    public internal(set) var compareCumulative = true

    struct Key: Equatable {
        var regions: [RegionCode]
        var store: ObjectIdentifier
        var filter: Filter
        var range: ClosedRange<Day>
    }
    private(set) var key: Key?
    /// Daily, from the day before the range through its end.
    private(set) var series: Series?
    /// How many times the series were assembled, and how many regions' series were counted
    /// (test hooks for the caching).
    private(set) var computations = 0
    private(set) var regionsCounted = 0

    public init() {}

    /// Whether the timeline shows the comparison (any pin) rather than one region.
    public var isComparing: Bool { !pins.isEmpty }

    /// Whether the timeline on screen shows cumulative counts.
    public var showsCumulative: Bool { isComparing ? compareCumulative : singleCumulative }

    /// `t`: switches the timeline on screen between per period and cumulative.
    mutating func toggleScale() {
        if isComparing { compareCumulative.toggle() } else { singleCumulative.toggle() }
    }

    /// Counts the pinned regions' series if the pins, the store or the filter changed.
    mutating func refresh(counting store: Store, range: ClosedRange<Day>, filter: Filter) {
        guard isComparing else { key = nil; series = nil; return }
        let key = Key(regions: pins.regions, store: ObjectIdentifier(store), filter: filter, range: range)
        guard key != self.key else { return }
        // A pin added or removed keeps the other regions' rows: only new regions are counted.
        var known: [RegionCode: [Int]] = [:]
        if let old = self.key, let series, old.store == key.store, old.filter == key.filter, old.range == key.range {
            for (r, code) in series.regions.enumerated() { known[code] = series.values[r] }
        }
        let missing = pins.regions.filter { known[$0] == nil }
        let counted = store.series(of: missing, every: .day, through: range.upperBound,
                                   from: range.lowerBound.adding(days: -1), filter: filter)
        for (r, code) in counted.regions.enumerated() { known[code] = counted.values[r] }
        let dates = missing.isEmpty ? (self.series?.dates ?? counted.dates) : counted.dates
        series = Series(regions: pins.regions, dates: dates, values: pins.regions.map { known[$0] ?? [] })
        self.key = key
        computations += 1
        regionsCounted += missing.count
    }

    /// The chart for the pane, or nil without pins.
    func chart(gazetteer: Gazetteer, range: ClosedRange<Day>, cursor: Day, filtered: Bool,
               focused: Bool) -> ComparisonChart? {
        guard isComparing, let series else { return nil }
        let labels = series.regions.map { code -> ComparisonChart.Label in
            if code == .country { return .init(full: "全国 China", short: "全国") }
            guard let r = gazetteer.region(code) else { return .init(full: code.description, short: code.description) }
            return .init(full: "\(r.shortName) \(r.english)", short: r.shortName)
        }
        let n = series.regions.count
        return ComparisonChart(title: "Compare \(n)" + (filtered ? " (filtered)" : ""), series: series,
                               labels: labels, range: range, cursor: cursor, cumulative: compareCumulative,
                               focused: focused)
    }
}
