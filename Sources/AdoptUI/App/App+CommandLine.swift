import AdoptCore

/// The view as command-line options (`:`), and the setters `adopt dump` uses to rebuild it.
extension App {
    /// The view on screen as options: the region the drill-down shows, the date (always: a
    /// command without it would show a later snapshot's date once one is published), how it
    /// counts, the filter, the map or table, and the paths the dashboard was opened with.
    public var viewSpec: ViewSpec {
        ViewSpec(region: currentRegion, date: date, knownBy: countingMode == .knownBy, filter: filter,
                 view: showsBreakdown ? "breakdown" : regionsView == .table ? "table" : "map", paths: commandPaths)
    }

    /// The commands that reproduce the view: the dashboard, its screen as text, its
    /// deployments as CSV, and with pins the comparison as text.
    public var commandLines: [CommandLineOverlay.Entry] {
        let spec = viewSpec
        // Labels other than the default are part of what the screen looks like.
        let labelWords = labels == .auto ? [] : ["--labels", labels.rawValue]
        var out: [CommandLineOverlay.Entry] = [
            .init(caption: "this view in the dashboard", words: spec.arguments() + labelWords),
            .init(caption: "the screen as text", words: spec.arguments(command: ["dump", "screen"]) + labelWords),
            .init(caption: "its deployments as CSV", words: spec.arguments(command: ["export", "--deployments"])),
        ]
        if comparison.isComparing {
            var timeline = ViewSpec(date: date, knownBy: spec.knownBy, filter: filter, paths: commandPaths)
                .arguments(command: ["dump", "timeline"])
            let at = 2 // after "dump timeline"
            timeline.insert(contentsOf: ["--compare", comparison.pins.regions.map(\.description).joined(separator: ",")], at: at)
            if !comparison.compareCumulative { timeline.insert("--per-period", at: at) }
            out.append(.init(caption: "the comparison as text", words: timeline))
        }
        return out
    }

    /// The paths the view was opened with, as the user gave them (empty: the shipped data).
    public mutating func setCommandPaths(_ paths: [String]) { commandPaths = paths }

    /// Pins regions for comparison (`adopt dump timeline --compare`), at most `Pins.limit`.
    public mutating func setPins(_ codes: [RegionCode]) {
        comparison.pins = Pins(codes)
        refresh()
    }

    /// Sets the names on the map's tiles (`--labels`).
    public mutating func setLabels(_ mode: LabelMode) { labels = mode }

    /// Sets the timeline on screen to cumulative counts or per-period additions.
    public mutating func setTimelineCumulative(_ cumulative: Bool) {
        if comparison.showsCumulative != cumulative { comparison.toggleScale() }
    }
}
