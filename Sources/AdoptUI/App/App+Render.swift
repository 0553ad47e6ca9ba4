import AdoptCore

/// Drawing: every frame is built from the state and the cached figures, nothing else.
extension App {
    /// Draws the whole screen.
    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        if TooSmall.applies(width: width, height: height) {
            TooSmall(width: width, height: height).draw(into: &grid)
            return grid
        }
        if isWaiting {
            let layout = screenLayout(width: width, height: height)
            WaitingScreen(path: dataPath, problems: Set(live.problems.map(\.file)).count)
                .draw(into: &grid, rows: layout.status.row)
            statusBar.draw(into: &grid, row: layout.status.row, width: layout.status.width)
            drawOverlay(into: &grid)
            return grid
        }
        if presentation.isOn {
            drawPresentation(into: &grid)
            drawOverlay(into: &grid)
            return grid
        }
        let layout = screenLayout(width: width, height: height)
        if !layout.regions.isEmpty { drawRegions(into: &grid, in: layout.regions, focused: focus == .regions) }
        if !layout.drillDown.isEmpty { drillDownPane(focused: focus == .drillDown).draw(into: &grid, in: layout.drillDown) }
        if !layout.timeline.isEmpty { drawTimeline(into: &grid, in: layout.timeline, focused: focus == .timeline) }
        statusBar.draw(into: &grid, row: layout.status.row, width: layout.status.width)
        drawOverlay(into: &grid)
        return grid
    }

    /// One pane alone on a grid of the given size (`adopt dump`); `.screen` is `render`.
    public func renderPane(_ view: DumpView, width: Int, height: Int) -> Grid {
        if view == .screen { return render(width: width, height: height) }
        if view == .presentation {
            var presenting = self
            presenting.presentation.isOn = true
            return presenting.render(width: width, height: height)
        }
        var grid = Grid(width: width, height: height)
        let area = Rect(row: 0, column: 0, width: width, height: height)
        switch view {
        case .map: mapPane(focused: false).draw(into: &grid, in: area)
        case .table: tablePane(focused: false).draw(into: &grid, in: area)
        case .timeline: drawTimeline(into: &grid, in: area, focused: false)
        case .region: drillDownPane(focused: false).draw(into: &grid, in: area)
        case .breakdown: breakdownPane(focused: false).draw(into: &grid, in: area)
        case .screen, .presentation: break
        }
        return grid
    }

    // MARK: Panes

    private func drawRegions(into grid: inout Grid, in area: Rect, focused: Bool) {
        if showsBreakdown { return breakdownPane(focused: focused).draw(into: &grid, in: area) }
        switch regionsView {
        case .map: mapPane(focused: focused).draw(into: &grid, in: area)
        case .table: tablePane(focused: focused).draw(into: &grid, in: area)
        }
    }

    func mapPane(focused: Bool) -> MapPane {
        var pane = MapPane(title: "Map · \(date)" + (wholeCountry ? " · 全国 China" : ""),
                           provinces: figures.provinces, scale: heatScale,
                           cursor: selectedProvince, cursorSelected: cursorSelected, focused: focused,
                           changed: live.changedRegions)
        pane.shading = shading
        pane.labels = labels
        pane.showsCursor = cursorSelected || presentation.tour == nil
        return pane
    }

    func tablePane(focused: Bool) -> TablePane {
        let extras = tableExtras
        var pane = TablePane(title: "Provinces · \(date) · s sort", rows: tableSort.sorted(figures.provinces, extras: extras),
                             total: figures.country, sort: tableSort, selected: selectedProvince,
                             cursorSelected: cursorSelected, focused: focused, changed: live.changedRegions)
        pane.extras = extras
        return pane
    }

    func drillDownPane(focused: Bool) -> DrillDownPane {
        let content = figures.drillContent
            ?? .deployments(region: Gazetteer.countryRegion, items: [])
        var pane = DrillDownPane(breadcrumb: breadcrumb, content: content, selection: drillSelection,
                                 focused: focused, gazetteer: store.gazetteer)
        let store = self.store
        pane.publisher = { store.source(id: $0)?.publisher }
        return pane
    }

    /// The comparison when regions are pinned, else the current region's timeline.
    private func drawTimeline(into grid: inout Grid, in area: Rect, focused: Bool) {
        if let chart = comparisonChart(focused: focused) {
            chart.draw(into: &grid, in: area)
        } else {
            timelinePane(focused: focused).draw(into: &grid, in: area)
        }
    }

    /// The pinned regions' chart at the date; nil without pins.
    public func comparisonChart(focused: Bool = false) -> ComparisonChart? {
        comparison.chart(gazetteer: store.gazetteer, range: dateRange, cursor: date, filtered: !filter.isEmpty,
                         focused: focused)
    }

    func timelinePane(focused: Bool) -> TimelinePane {
        let region = currentRegion
        let name = region == .country ? "全国 China"
            : store.gazetteer.region(region).map { "\($0.shortName) \($0.english)" } ?? region.description
        let filtered = filter.isEmpty ? "" : " (filtered)"
        var pane = TimelinePane(title: "Timeline · \(name)\(filtered)", timeline: figures.timeline ?? store.timeline(of: region, filter: filter),
                                events: figures.events, range: dateRange, cursor: date, focused: focused)
        pane.playback = playbackIndicator
        pane.cumulative = comparison.singleCumulative
        pane.caption = caption
        return pane
    }

    /// "全国 China › 广东 Guangdong › 深圳 Shenzhen › deployments".
    var breadcrumb: [String] {
        func name(_ code: RegionCode) -> String {
            guard let r = store.gazetteer.region(code) else { return code.description }
            return "\(r.shortName) \(r.english)"
        }
        var crumbs = ["全国 China"]
        var last: RegionCode = .country
        for frame in drill {
            switch frame.kind {
            case .regions(let code):
                if code != last { crumbs.append(name(code)) }
                last = code
            case .deployments(let code):
                if code != last { crumbs.append(name(code)) }
                crumbs.append("deployments")
                last = code
            case .ownDeployments(let code):
                if code != last { crumbs.append(name(code)) }
                crumbs.append(DrillDownPane.ownLabel(of: store.gazetteer.region(code)?.level ?? .county))
                last = code
            case .record(let id):
                crumbs.append(id)
            }
        }
        return crumbs
    }

    var statusBar: StatusBar {
        let country = figures.country
        var claim: StatusBar.ClaimComparison?
        if let tally = figures.tally {
            let c = tally.claim
            let publisher = store.source(id: c.source)?.publisher ?? c.source
            claim = StatusBar.ClaimComparison(tracked: tally.tracked, claimed: c.value, metric: c.metric,
                                              publisher: StatusBar.shortPublisher(publisher), date: c.date,
                                              unit: ClaimLabel.short(c.counts))
        }
        var bar = StatusBar(date: date, asOf: store.current.asOf, dataPath: dataPath,
                            synthetic: store.current.synthetic, filterSummary: filter.summary,
                            deployments: country?.count ?? 0, provinces: country?.covered ?? 0,
                            claim: claim, pendingCount: pendingCount, playing: isPlaying)
        bar.live = liveNote
        bar.counting = countingMode
        bar.waiting = isWaiting
        bar.message = message
        bar.pinned = comparison.pins.count
        bar.notice = comparison.pins.notice
        bar.labels = labels
        bar.zoomed = zoom.isOn && !presentation.isOn
        return bar
    }

    // MARK: Overlays

    private func drawOverlay(into grid: inout Grid) {
        let screen = Rect(row: 0, column: 0, width: grid.width, height: max(0, grid.height - 1))
        switch overlay {
        case .help(let scroll)?:
            HelpOverlay(scroll: scroll).draw(into: &grid, over: screen)
        case .search(let state)?:
            SearchOverlay(state: searchOnScreen(state, drawing: true), store: store).draw(into: &grid, over: screen)
        case .filter(let menu)?:
            FilterOverlay(menu: menu, filter: filter, counts: currentFacetCounts, scope: countsScope)
                .draw(into: &grid, over: screen)
        case .problems(let scroll)?:
            ProblemsPane(problems: live.problems, scroll: scroll, header: opsLines).draw(into: &grid, over: screen)
        case .diff(let view)?:
            DiffPane(view: view, snapshots: store.snapshots.map { SnapshotIdentity($0) }, gazetteer: store.gazetteer,
                     history: live.history, loading: view.loading)
                .draw(into: &grid, over: screen)
        case .claims(let browser)?:
            ClaimsPane(browser: browser, store: store).draw(into: &grid, over: screen)
        case .event(let detail)?:
            EventPane(detail: detail, store: store).draw(into: &grid, over: screen)
        case .commandLine?:
            CommandLineOverlay(entries: commandLines).draw(into: &grid, over: screen)
        case nil:
            break
        }
    }
}
