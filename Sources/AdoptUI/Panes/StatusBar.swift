import AdoptCore
import Foundation

/// The one-line bar at the bottom: the date everything shows and in which sense ("known by"),
/// the totals, the tracked figure beside the latest outside claim, active filters, the main
/// keys, the snapshot and the path.
///
/// A narrow terminal cannot show it all, so each part has shorter forms, taken in a fixed
/// order of importance: the path and snapshot date go first, the claim shortens before the
/// key hints do but always keeps `tracked N / claimed M <what>`, "? help" goes only when
/// nothing else can give, and the date, "known by", SYNTHETIC, the filter and the totals
/// always stay (in short forms).
///
/// Live reloading adds, freshness first: STALE with its reason and the problem count (files)
/// (never dropped: ops must see them), "reloading…" (kept to the last), the snapshot's age right after the date
/// (given up only after "? help"), a removed current file and the provinces changed and not
/// yet acknowledged (shortened, never dropped), the time of the last good load.
public struct StatusBar: Sendable {
    /// A claim made by someone else, beside what the data tracks.
    /// Both figures count the same thing (see `ClaimTally`), named by `unit` at every width.
    public struct ClaimComparison: Sendable, Equatable {
        /// A count, or a percentage when the claim is a share.
        public var tracked: Double
        public var claimed: Double
        public var metric: String
        public var publisher: String
        public var date: Day
        /// The short name of what both count, e.g. "gov regions", "% of provinces".
        public var unit: String

        public init(tracked: Double, claimed: Double, metric: String, publisher: String, date: Day,
                    unit: String = "deployments") {
            self.tracked = tracked; self.claimed = claimed; self.metric = metric
            self.publisher = publisher; self.date = date; self.unit = unit
        }
    }

    public var date: Day
    public var asOf: Day
    public var dataPath: String
    public var synthetic: Bool
    public var filterSummary: String
    public var deployments: Int
    public var provinces: Int
    public var claim: ClaimComparison?
    /// A count typed before a motion key ("7" of "7]").
    public var pendingCount: Int?
    /// Timeline playback is running.
    public var playing = false
    /// Live reloading: problems, changes and freshness (all empty when not live).
    public var live = LiveNote()
    /// What the counts mean; "known by" is always said, "dated by" only when there is room.
    public var counting = CountingMode.datedBy
    /// What the last key did that the screen does not otherwise show ("wrote adopt-table-….csv
    /// (31 rows)", "filter: + sector=government"); kept until the next key.
    public var message: String?
    /// Regions pinned for comparison (`P`), said while any are.
    public var pinned = 0
    /// What the last key could not do ("at most 6 pinned; U clears"); kept to the last.
    public var notice: String?
    /// The map's label mode, said when it is not the default (and no message just said it).
    public var labels = LabelMode.auto
    /// One pane fills the screen (`z`): said, with the way back, while it does.
    public var zoomed = false

    /// A removed current file and the one current now (file names).
    public struct RemovedFile: Sendable, Equatable {
        public var removed: String
        public var now: String
        public init(removed: String, now: String) { self.removed = removed; self.now = now }
    }

    /// What the bar shows of live reloading.
    public struct LiveNote: Sendable, Equatable {
        /// Problems with the snapshot files ("⚠ 2 problems (!)").
        public var problems = 0
        /// Regions changed and not yet acknowledged ("3 regions changed (a)").
        public var changedRegions = 0
        /// The wall-clock time of the last good load, `HH:MM:SS` ("loaded 14:03:12").
        public var loaded: String?
        /// The current snapshot's age in whole days ("snapshot 2025-03-31, 600 days old").
        public var ageInDays: Int?
        /// Why the data is stale, e.g. "snapshot older than 90d"; nil when it is not.
        public var stale: String?
        /// `r` was pressed and the reload has not come back yet.
        public var reloading = false
        /// The current snapshot's file was removed: its name and the file now current.
        public var removedCurrent: RemovedFile?
        /// A reload running in the background, and how far it has got.
        public var reloadProgress: ProgressLine?
        /// The older snapshot files being read in the background ("history 3/7").
        public var history: HistoryProgress?
        /// The counts on screen wait for the history (known by, before the current snapshot).
        public var historyNeeded = false
        /// A light older snapshot the counts need is being read again ("loading history…").
        public var historyReading = false
        /// The feed's state, when the data is a feed URL.
        public var feed: FeedNote?

        public init(problems: Int = 0, changedRegions: Int = 0, loaded: String? = nil, ageInDays: Int? = nil,
                    stale: String? = nil, reloading: Bool = false) {
            self.problems = problems; self.changedRegions = changedRegions; self.loaded = loaded
            self.ageInDays = ageInDays; self.stale = stale; self.reloading = reloading
        }
    }

    public init(date: Day, asOf: Day, dataPath: String, synthetic: Bool = false,
                filterSummary: String = "", deployments: Int, provinces: Int,
                claim: ClaimComparison? = nil, pendingCount: Int? = nil, playing: Bool = false) {
        self.date = date; self.asOf = asOf; self.dataPath = dataPath; self.synthetic = synthetic
        self.filterSummary = filterSummary; self.deployments = deployments; self.provinces = provinces
        self.claim = claim; self.pendingCount = pendingCount; self.playing = playing
    }

    /// One part of the bar: its forms from longest to shortest, and for each step down (to
    /// the next form, then, if `droppable`, off the bar) how readily it is taken: the bar
    /// takes the most readily given step first until everything fits.
    struct Part {
        var forms: [String]
        var style: Style
        /// One value per step; fewer than the steps means the rest are never taken.
        var steps: [Int] = []
        /// Drawn at the right end (the key hints).
        var right = false
    }

    /// No valid snapshot yet: the bar says so, and the problems, instead of figures of nothing.
    public var waiting = false

    var parts: [Part] {
        if waiting {
            var out = [Part(forms: ["waiting for a valid snapshot", "waiting"], style: Theme.warning, steps: [20])]
            if live.problems > 0 {
                let n = live.problems
                out.append(Part(forms: ["⚠ \(n) problem\(n == 1 ? "" : "s") (!)", "⚠ \(n) (!)"], style: Theme.warning, steps: [28]))
            }
            if let loaded = live.loaded { out.append(Part(forms: ["checked \(loaded)"], style: Theme.statusBar, steps: [58])) }
            if !dataPath.isEmpty { out.append(Part(forms: [dataPath], style: Theme.statusBar, steps: [90])) }
            out.append(Part(forms: ["? help  q quit", "q quit"], style: Theme.statusBar, steps: [40, 10], right: true))
            return out
        }
        var out: [Part] = []
        if synthetic { out.append(Part(forms: ["SYNTHETIC DATA", "SYNTHETIC"], style: Theme.synthetic, steps: [25])) }
        out.append(Part(forms: [(playing ? "▶ " : "") + date.description], style: Theme.key))
        // Never dropped: it answers the key just pressed (a file written, a filter applied).
        if let message { out.append(Part(forms: [message], style: Theme.cursor)) }
        // Never dropped: the other panes are hidden, and this says how to get them back.
        if zoomed { out.append(Part(forms: Zoom.notes, style: Theme.key, steps: [12])) }
        if counting == .knownBy {
            out.append(Part(forms: ["known by (K)", "known by"], style: Theme.warning, steps: [35]))
        } else {
            // The default, said when there is room; "known by" is never dropped, so a bar
            // without either is counting dated by.
            out.append(Part(forms: ["dated by (K)", "dated by"], style: Theme.statusBar, steps: [85, 75]))
        }
        // The map's letters may stand in for the names asked for: this says they were asked
        // for, down to "L:en", and goes only after "? help" has.
        if labels != .auto && message == nil {
            out.append(Part(forms: ["labels: \(labels.title) (L)", "labels: \(labels.rawValue)", "L:\(labels.rawValue)"],
                            style: Theme.statusBar, steps: [40, 20, 9]))
        }
        if let reason = live.stale {
            out.append(Part(forms: ["STALE: " + reason, "STALE"], style: Theme.error, steps: [55]))
        }
        if live.problems > 0 {
            let n = live.problems
            out.append(Part(forms: ["⚠ \(n) problem\(n == 1 ? "" : "s") (!)", "⚠ \(n) (!)"], style: Theme.warning, steps: [28]))
        }
        // A feed in trouble is said before any figure (the data may be older than the feed);
        // a live one only when there is room.
        if let feed = live.feed {
            // "feed live", "feed stale", "feed offline": the first two words.
            let word = feed.text.split(separator: " ").prefix(2).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ","))
            out.append(feed.trouble
                ? Part(forms: [feed.text, word, "feed ⚠"], style: Theme.error, steps: [58, 10])
                : Part(forms: [feed.text, word], style: Theme.statusBar, steps: [78, 20]))
        }
        // While a reload runs, what is on screen may be about to change: kept to the last,
        // shortened to "↻", given up only when even the figures would be cut.
        if let p = live.reloadProgress {
            // How far: the file goes before the figures, the figures before the word.
            out.append(Part(forms: ["reloading \(p.file) \(p.compactAmount)", "reloading \(p.compactAmount)",
                                    "↻ \(p.compactAmount)", "↻"], style: Theme.statusBar, steps: [70, 67, 9, 5]))
        } else if live.reloading {
            out.append(Part(forms: ["reloading…", "↻"], style: Theme.statusBar, steps: [65, 5]))
        }
        // Never dropped while the counts wait for it (known by shows nothing known meanwhile).
        if live.historyReading {
            out.append(Part(forms: ["loading history…", "loading…"], style: Theme.warning, steps: [30]))
        }
        if let h = live.history {
            out.append(live.historyNeeded
                ? Part(forms: ["waiting for \(h.text)", h.text, "h\(h.loaded)/\(h.total)"], style: Theme.warning, steps: [60, 30])
                : Part(forms: [h.text, "h\(h.loaded)/\(h.total)"], style: Theme.statusBar, steps: [24, 8]))
        }
        // Freshness first for ops: a live screen says how old its data is before any figure.
        if let age = live.ageInDays {
            out.append(Part(forms: ["snapshot \(asOf), \(StatusBar.ageText(age))", StatusBar.ageText(age),
                                    StatusBar.shortAge(age)], style: Theme.statusBar, steps: [62, 45, 9]))
        }
        if let gone = live.removedCurrent {
            out.append(Part(forms: ["\(gone.removed) removed, now \(gone.now) (a)", "\(gone.removed) removed (a)"],
                            style: Theme.changed, steps: [52]))
        }
        if let n = pendingCount { out.append(Part(forms: ["count \(n)", "\(n)"], style: Theme.cursor, steps: [45])) }
        if let notice { out.append(Part(forms: [notice], style: Theme.warning, steps: [8])) }
        if pinned > 0 { out.append(Part(forms: ["\(pinned) pinned (U clears)", "\(pinned) pinned"], style: Theme.statusBar, steps: [48, 36])) }
        if !filterSummary.isEmpty {
            out.append(Part(forms: ["filter: " + filterSummary, "filtered"], style: Theme.warning, steps: [15]))
        }
        out.append(Part(forms: ["\(deployments) deployments · \(provinces) provinces",
                                "\(deployments) dep · \(provinces) prov"], style: Theme.statusBar, steps: [30]))
        if live.changedRegions > 0 {
            let n = live.changedRegions
            out.append(Part(forms: ["\(n) region\(n == 1 ? "" : "s") changed (a)", "\(n) changed (a)", "*\(n) (a)"],
                            style: Theme.changed, steps: [50, 33]))
        }
        if let c = claim {
            let share = c.unit.hasPrefix("%")
            let claimed = StatusBar.number(c.claimed) + (share ? "%" : "")
            let tracked = StatusBar.number(c.tracked.rounded()) + (share ? "%" : "")
            // "claimed 100% of provinces", not "100% % of provinces".
            let head = "tracked \(tracked) / claimed \(claimed) " + (share ? String(c.unit.dropFirst(2)) : c.unit)
            out.append(Part(forms: ["\(head): \(c.metric) (\(c.publisher), \(c.date))",
                                    "\(head) (\(c.publisher))",
                                    head],
                            style: Theme.statusBar, steps: [92, 66]))
        }
        out.append(Part(forms: ["? help  / search  f filter  q quit", "? help  q quit", "? help"],
                        style: Theme.statusBar, steps: [60, 40, 10], right: true))
        if live.ageInDays == nil {
            out.append(Part(forms: ["snapshot \(asOf)"], style: Theme.statusBar, steps: [80]))
        }
        if let loaded = live.loaded { out.append(Part(forms: ["loaded \(loaded)"], style: Theme.statusBar, steps: [58])) }
        if !dataPath.isEmpty { out.append(Part(forms: [dataPath], style: Theme.statusBar, steps: [90])) }
        return out
    }

    static let separator = " │ "

    /// The parts that fit in `width` columns, each in the longest form that fits.
    func fitted(width: Int) -> [(text: String, part: Part)] {
        let parts = self.parts
        // For each part, how many steps were taken; a step past the last form drops it.
        var taken = Array(repeating: 0, count: parts.count)
        func shown(_ i: Int) -> Bool { taken[i] < parts[i].forms.count }
        func total() -> Int {
            var w = 0, n = 0
            for i in parts.indices where shown(i) {
                w += DisplayWidth.of(parts[i].forms[taken[i]]); n += 1
            }
            return w + max(0, n - 1) * DisplayWidth.of(StatusBar.separator) + 2
        }
        while total() > width {
            let next = parts.indices.filter { taken[$0] < parts[$0].steps.count }
                .max { parts[$0].steps[taken[$0]] < parts[$1].steps[taken[$1]] }
            guard let i = next else { break }
            taken[i] += 1
        }
        return parts.indices.filter(shown).map { (parts[$0].forms[taken[$0]], parts[$0]) }
    }

    public func draw(into grid: inout Grid, row: Int, column: Int = 0, width: Int) {
        guard width > 0 else { return }
        grid.fill(row: row, column: column, width: width, height: 1, style: Theme.statusBar)
        let fitted = fitted(width: width)
        let end = column + width
        var col = column + 1
        for (i, item) in fitted.enumerated() where !item.part.right {
            if i > 0 { col = grid.put(StatusBar.separator, row: row, column: col, style: Theme.statusBar, limit: max(0, end - col)) }
            col = grid.put(item.text, row: row, column: col, style: item.part.style, limit: max(0, end - col))
        }
        if let right = fitted.first(where: { $0.part.right }) {
            let w = DisplayWidth.of(right.text)
            let start = max(col + DisplayWidth.of(StatusBar.separator), end - 1 - w)
            grid.put(right.text, row: row, column: start, style: right.part.style, limit: max(0, end - start))
        }
    }

    /// "600 days old", "1 day old", "today", "dated 3 days ahead" (a clock behind the data).
    static func ageText(_ days: Int) -> String {
        switch days {
        case 0: return "today"
        case 1: return "1 day old"
        case 2...: return "\(days) days old"
        case -1: return "dated 1 day ahead"
        default: return "dated \(-days) days ahead"
        }
    }

    /// "305d old", "today": the age in the fewest columns.
    static func shortAge(_ days: Int) -> String {
        days == 0 ? "today" : (days > 0 ? "\(days)d old" : "\(-days)d ahead")
    }

    /// "Data/2025-03-31.json" → "2025-03-31.json".
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// 72 → "72", 12.5 → "12.5".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// "Zhiding think tank (至顶智库)" → "Zhiding think tank": the name without its gloss or
    /// "reporting ..." tail, which the status bar has no room for.
    public static func shortPublisher(_ publisher: String) -> String {
        var cut = publisher.endIndex
        for marker in [" (", ", "] {
            if let r = publisher.firstRange(of: marker), r.lowerBound < cut { cut = r.lowerBound }
        }
        return String(publisher[..<cut])
    }
}

/// What the status bar says of a feed URL's state (`FeedStatus` in AdoptFeed, as text).
public struct FeedNote: Sendable, Equatable {
    /// "feed live, checked 09:14:05", "feed stale since 09:14", "feed offline since 09:14".
    public var text: String
    /// Stale or offline: drawn as an error and kept on the bar.
    public var trouble: Bool
    public init(text: String, trouble: Bool) { self.text = text; self.trouble = trouble }
}
