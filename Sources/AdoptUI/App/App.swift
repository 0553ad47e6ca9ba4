import AdoptCore

/// What the run loop should do after a key.
public enum Effect: Equatable, Sendable {
    case none
    case quit
}

/// The whole dashboard's state and its update function (the Elm architecture): the terminal
/// layer feeds it keys and asks it for frames; nothing here touches the terminal.
///
/// State changes only through `handle` (and the few named mutators used by `adopt dump`), so
/// the cached figures always match the state and `render` is a pure read.
public struct App {
    /// Replacing the store (a live reload) keeps the selection; a date that followed the old
    /// snapshot's date moves to the new one.
    public var store: Store {
        didSet { storeChanged(from: oldValue) }
    }
    /// Where the data came from, for the status bar.
    public var dataPath: String

    /// The date the map, table and counts show; the timeline's cursor.
    public internal(set) var date: Day
    public internal(set) var filter = Filter()
    /// Dated by (the current snapshot's deployments dated on or before the date) or known by
    /// (what the snapshot current on the date held): `K` toggles.
    public internal(set) var countingMode = CountingMode.datedBy
    /// The province under the map's cursor (kept while the whole country is selected).
    public internal(set) var selectedProvince: RegionCode
    /// The whole country is selected: the drill-down lists provinces, the timeline is national.
    public internal(set) var wholeCountry = false
    /// The drill-down stack; never empty. The first frame is the selection's own.
    public internal(set) var drill: [DrillFrame]
    public internal(set) var focus: Focus = .regions
    /// `z`: the focused pane fills the screen.
    public internal(set) var zoom = Zoom()
    public internal(set) var regionsView: RegionsView = .map
    public internal(set) var tableSort = TableSort()
    /// The breakdown (`b`) is shown in place of the map / table; `breakdown` is its state,
    /// kept while hidden (its order and selected bar).
    public internal(set) var showsBreakdown = false
    public internal(set) var breakdown = BreakdownView()
    /// What the last key did, for the status bar (a file written, a filter applied); cleared
    /// by the next key.
    public internal(set) var message: String?
    /// Where `e` writes: `$ADOPT_EXPORT_DIR`, else the current directory.
    public var exportDirectory = ExportFile.defaultDirectory
    public internal(set) var overlay: Overlay?
    /// The pinned regions and the timeline's scale (`P`, `U`, `t`).
    public internal(set) var comparison = Comparison()
    /// The snapshot paths as the user gave them (empty: the shipped data), for the command
    /// line that reproduces the view (`:`); `dataPath` is only for reading.
    public internal(set) var commandPaths: [String] = []
    /// Timeline playback is running (`p`); see `tickInterval`.
    public internal(set) var isPlaying = false
    /// Presenters: playback speed, presentation mode, the tour (see App+Presenting).
    public internal(set) var presentation = PresentationState()
    /// Ops: what the last reload found (see App+Live).
    public internal(set) var live = LiveStatus()
    /// The names on the map's tiles and presentation mode's (`L`, `--labels`).
    public internal(set) var labels = LabelMode.auto
    /// Digits typed before a motion key ("7" in "7]").
    public internal(set) var pendingCount: Int?
    /// The terminal size from the last `.resize` (mouse hits and map navigation use it).
    public internal(set) var screenWidth: Int
    public internal(set) var screenHeight: Int

    /// The map's shading bins, made for the data set (not the view) and kept across live
    /// reloads until the largest province outgrows them (see `HeatScale`, `storeChanged`).
    public internal(set) var heatScale: HeatScale
    /// No colour on screen (NO_COLOR, a monochrome terminal; `dump --no-color`): the map's
    /// tiles and legend carry their shades as characters. Set by whoever knows the terminal.
    public var shading = false

    var figures = Figures()
    var searchIndex: SearchIndex
    /// Set by the dashboard: facet counts that need a pass over many rows are made in the
    /// background, and the frame says "counting…" meanwhile. Nil (dump, tests): at once.
    public var backgroundCounts: BackgroundCounts?
    /// Set by the dashboard: light older snapshots (history kept without tables) are read
    /// again in the background for known-by dates and diffs. Nil (dump, tests): at once.
    public var historyLoads: HistoryLoads?
    /// The province table's added columns; the dashboard sets one that counts in the
    /// background. Nil-free: dump and tests count at once.
    public var tableFigures = TableFigures()
    /// Set by the dashboard: a `/` keystroke over many rows searches in the background, and
    /// the overlay says "searching…" meanwhile. Nil (dump, tests): at once.
    public var backgroundSearch: BackgroundSearch?

    /// - Parameters:
    ///   - width, height: the terminal size until the first `.resize` key.
    public init(store: Store, dataPath: String, width: Int = 80, height: Int = 24) {
        self.store = store
        self.dataPath = dataPath
        self.date = store.current.asOf
        dateRange = App.dateRange(of: store)
        let first = store.gazetteer.provinces.first?.code ?? .country
        // Start on the province with the most deployments: the map opens on something.
        let counts = store.counts(at: store.current.asOf)
        let busiest = store.gazetteer.provinces.max { (counts[$0.code] ?? 0, $1.code) < (counts[$1.code] ?? 0, $0.code) }
        selectedProvince = (counts.total == 0 ? first : busiest?.code) ?? first
        drill = [DrillFrame(.regions(selectedProvince))]
        screenWidth = width
        screenHeight = height
        searchIndex = SearchIndex(store: store)
        heatScale = .fitting(maximum: App.provinceMaximum(of: store))
        refresh()
    }

    /// The largest province count in the data set: every deployment of the current snapshot,
    /// unfiltered. Counts are cumulative, so this is the largest at any date.
    static func provinceMaximum(of store: Store) -> Int {
        let counts = store.counts(at: store.current.asOf)
        return store.gazetteer.provinces.map { counts[$0.code] ?? 0 }.max() ?? 0
    }

    // MARK: Derived state

    /// The dates the cursor can take: from a week before the earliest deployment (or a recent
    /// event before it) to the snapshot's date. (Not `store.dateRange`, which reaches back to
    /// old events such as the 2017 AI plan and would squash the timeline.)
    public private(set) var dateRange: ClosedRange<Day>

    static func dateRange(of store: Store) -> ClosedRange<Day> {
        let asOf = store.current.asOf
        guard let earliest = store.current.deployments.dates.min() else { return store.dateRange }
        let first = Day(ordinal: earliest)
        // Events up to three months before the first deployment belong to the story (the R1
        // release of 2025-01-20 came 19 days before it); older ones (the 2017 plan) do not.
        let lead = store.current.events.map(\.date).filter { $0 >= first.adding(days: -90) }.min()
        let start = min(first.adding(days: -7), lead ?? first, asOf)
        return start...asOf
    }

    /// The store the counts come from: the current one when counting "dated by", or the
    /// snapshot that was current on the date when counting "known by" (an empty store before
    /// the first snapshot was published).
    public var counting: Store {
        if countingMode == .datedBy { return store }
        if countingWaitsForHistory { return store.nothingKnown }
        if let historyLoads, let k = store.snapshotIndex(knownBy: date), !store.isReady(upTo: k) {
            historyLoads.load(store, upTo: k)
            return store.nothingKnown
        }
        return store.knownBy(date)
    }

    /// The facet counts of a region at the date under the filter (the filter menu's numbers
    /// and the breakdown), or nil while the dashboard counts them in the background.
    func facetCounts(in code: RegionCode) -> FacetCounts? {
        if let backgroundCounts { return backgroundCounts.facetCounts(counting, in: code, at: date, filter: filter) }
        return counting.facetCounts(in: code, at: date, filter: filter)
    }

    /// The region the drill-down is showing, and the timeline follows: the selected province
    /// or the country, or wherever the user drilled to.
    public var currentRegion: RegionCode {
        for frame in drill.reversed() {
            if let r = frame.region { return r }
            if case .record(let id) = frame.kind, let d = store.record(id: id) { return d.deployment.region }
        }
        return wholeCountry ? .country : selectedProvince
    }

    /// The selected row of the top drill-down frame.
    public var drillSelection: Int { drill.last?.selection ?? 0 }

    /// Whether the map and table mark the cursor as selected (not only as where arrows start).
    var cursorSelected: Bool { !wholeCountry || drill.count > 1 }

    /// The layout for the remembered terminal size.
    var screenLayout: ScreenLayout { screenLayout(width: screenWidth, height: screenHeight) }

    /// The layout for a size, with a map pane wide enough for the widest count.
    func screenLayout(width: Int, height: Int) -> ScreenLayout {
        ScreenLayout(width: width, height: height, mapWidth: MapPane.minimumWidth(countWidth: mapCountWidth),
                     zoomed: zoom.pane(focus: focus))
    }

    /// The columns of the widest count on the map's tiles now (with its `*` and `?`).
    var mapCountWidth: Int { MapPane.countWidth(figures.provinces, changed: live.changedRegions) }

    /// The provinces in the table's order.
    var tableRows: [RegionSummary] { tableSort.sorted(figures.provinces, extras: tableExtras) }

    // MARK: Keeping figures current

    private mutating func storeChanged(from old: Store) {
        dateRange = App.dateRange(of: store)
        if date == old.current.asOf { date = store.current.asOf }
        date = clamp(date)
        searchIndex = SearchIndex(store: store)
        let maximum = App.provinceMaximum(of: store)
        let scale = heatScale.kept(forMaximum: maximum)
        if scale != heatScale {
            // Shades were comparable until now: say that they changed meaning (not for the
            // first data after waiting, which had no scale to change).
            if !heatScale.lowerBounds.isEmpty {
                message = "Colour scale widened: a province now has \(maximum); shades now \(scale.summary)"
            }
            heatScale = scale
        }
        if case .filter = overlay {
            overlay = .filter(makeFilterMenu())
        }
        // Records that vanished from the new snapshot: back out of them.
        while drill.count > 1, case .record(let id) = drill.last!.kind, store.record(id: id) == nil {
            drill.removeLast()
        }
        refresh()
    }

    func clamp(_ day: Day) -> Day {
        let r = dateRange
        return min(max(day, r.lowerBound), r.upperBound)
    }

    /// Recomputes whatever the state change made stale.
    mutating func refresh() {
        let id = ObjectIdentifier(counting)
        let key = Figures.Key(store: id, date: date, filter: filter)
        if figures.key != key {
            figures.provinces = counting.children(of: .country, at: date, filter: filter)
            figures.country = counting.summary(of: .country, at: date, filter: filter)
            figures.key = key
            figures.recomputed += 1
        }
        if let top = drill.last, figures.drillKey.map({ $0.kind != top.kind || $0.key != key }) ?? true {
            figures.drillContent = content(of: top.kind)
            figures.drillKey = (top.kind, key)
        }
        let region = currentRegion
        if figures.timelineKey.map({ $0.region != region || $0.store != id || $0.filter != filter }) ?? true {
            figures.timeline = counting.timeline(of: region, filter: filter)
            figures.timelineKey = (region, id, filter)
        }
        comparison.refresh(counting: counting, range: dateRange, filter: filter)
        refreshArrivals()
        let current = ObjectIdentifier(store)
        if figures.eventsKey != current {
            figures.events = store.events(in: dateRange)
            figures.eventsKey = current
        }
        if let claim = latestClaim {
            if figures.tally?.claim != claim || figures.tallyStore != current {
                figures.tally = store.tally(claim)
                figures.tallyStore = current
            }
        } else {
            figures.tally = nil
        }
        clampSelections()
    }

    /// The drill-down content for a frame, from the store.
    private func content(of kind: DrillFrame.Kind) -> DrillDownPane.Content? {
        switch kind {
        case .regions(let code):
            let store = counting
            guard let parent = store.summary(of: code, at: date, filter: filter) else { return nil }
            return .regions(parent: parent, children: store.children(of: code, at: date, filter: filter),
                            own: code == .country ? nil : store.ownSummary(of: code, at: date, filter: filter))
        case .deployments(let code):
            let region = code == .country ? Gazetteer.countryRegion : store.gazetteer.region(code)
            guard let region else { return nil }
            return .deployments(region: region, items: counting.deployments(in: code, at: date, filter: filter))
        case .ownDeployments(let code):
            guard let region = store.gazetteer.region(code) else { return nil }
            return .deployments(region: region, items: counting.ownDeployments(of: code, at: date, filter: filter))
        case .record(let id):
            return counting.record(id: id).map { .record($0, shownAt: date) }
        }
    }

    /// Keeps the top frame's selection on a row that exists (lists shrink when the date goes
    /// back or a filter is added).
    private mutating func clampSelections() {
        guard var top = drill.last else { return }
        let count = drillRowCount
        top.selection = max(0, min(top.selection, count - 1))
        drill[drill.count - 1] = top
    }

    /// Rows in the top drill-down frame.
    var drillRowCount: Int {
        guard let content = figures.drillContent else { return 0 }
        return DrillDownPane(breadcrumb: [], content: content).rowCount
    }

    /// The latest outside claim on or before the date: about the current region if there is
    /// one, else about the country.
    var latestClaim: Claim? {
        let region = currentRegion
        if region != .country, let c = store.latestClaim(for: region, onOrBefore: date) { return c }
        return store.latestClaim(for: .country, onOrBefore: date)
    }

    /// How many times the map's figures were computed (a test hook for the caching).
    public var figureComputations: Int { figures.recomputed }
}
