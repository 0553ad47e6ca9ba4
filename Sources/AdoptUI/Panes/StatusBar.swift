import AdoptCore

/// The one-line bar at the bottom: the date everything shows, the totals, the tracked figure
/// beside the latest outside claim, active filters, the main keys, the snapshot and the path.
///
/// A narrow terminal cannot show it all, so each part has shorter forms, taken in a fixed
/// order of importance: the path and snapshot date go first, the claim shortens before the
/// key hints do and goes before the filter shortens, "? help" goes only when nothing else can
/// give, and the date, SYNTHETIC, the filter and the totals always stay (in short forms).
public struct StatusBar: Sendable {
    /// A claim made by someone else, beside what the data tracks.
    public struct ClaimComparison: Sendable, Equatable {
        public var tracked: Int
        public var claimed: Double
        public var metric: String
        public var publisher: String
        public var date: Day

        public init(tracked: Int, claimed: Double, metric: String, publisher: String, date: Day) {
            self.tracked = tracked; self.claimed = claimed; self.metric = metric
            self.publisher = publisher; self.date = date
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

    var parts: [Part] {
        var out: [Part] = []
        if synthetic { out.append(Part(forms: ["SYNTHETIC DATA", "SYNTHETIC"], style: Theme.synthetic, steps: [25])) }
        out.append(Part(forms: [(playing ? "▶ " : "") + date.description], style: Theme.key))
        if let n = pendingCount { out.append(Part(forms: ["count \(n)", "\(n)"], style: Theme.cursor, steps: [45])) }
        if !filterSummary.isEmpty {
            out.append(Part(forms: ["filter: " + filterSummary, "filtered"], style: Theme.warning, steps: [15]))
        }
        out.append(Part(forms: ["\(deployments) deployments · \(provinces) provinces",
                                "\(deployments) dep · \(provinces) prov"], style: Theme.statusBar, steps: [30]))
        if let c = claim {
            let value = StatusBar.format(c.claimed, metric: c.metric)
            out.append(Part(forms: ["tracked \(c.tracked) / claimed \(value) \(c.metric) (\(c.publisher), \(c.date))",
                                    "tracked \(c.tracked) / claimed \(value) (\(c.publisher))",
                                    "tracked \(c.tracked) / claimed \(value)"],
                            style: Theme.statusBar, steps: [70, 50, 20]))
        }
        out.append(Part(forms: ["? help  / search  f filter  q quit", "? help  q quit", "? help"],
                        style: Theme.statusBar, steps: [60, 40, 10], right: true))
        out.append(Part(forms: ["snapshot \(asOf)"], style: Theme.statusBar, steps: [80]))
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

    /// 72 → "72", 12.5 → "12.5", a percentage metric → "100%".
    static func format(_ value: Double, metric: String) -> String {
        let number: String
        if value == value.rounded(), abs(value) < 1e15 { number = String(Int(value)) } else { number = String(value) }
        return metric.contains("%") ? number + "%" : number
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
