import AdoptCore

/// The breakdown view (`b`), the filter menu's counts and `e` export: the parts of the App
/// that answer "what dominates here?" and "give me this as a file".
extension App {
    /// "广东 Guangdong", "全国 China".
    func regionLabel(_ code: RegionCode) -> String {
        if code == .country { return "全国 China" }
        return store.gazetteer.region(code).map { "\($0.shortName) \($0.english)" } ?? code.description
    }

    /// The counts beside the filter menu and behind the breakdown: the current region at the
    /// date, in the counting mode, with the filter (memoised by the store); nil while the
    /// dashboard counts them in the background.
    public var currentFacetCounts: FacetCounts? { facetCounts(in: currentRegion) }

    /// A filter menu sorted by the counts of now.
    func makeFilterMenu(order: Breakdown.Order = .count) -> FilterMenu {
        FilterMenu(models: store.models, useCases: store.useCases, bodies: store.bodies, counts: currentFacetCounts,
                   order: order, largestCount: store.current.deployments.count)
    }

    /// "广东 Guangdong · 2025-03-10 (dated by)".
    var countsScope: String {
        "\(regionLabel(currentRegion)) · \(date) (\(countingMode == .datedBy ? "dated by" : "known by"))"
    }

    // MARK: Breakdown

    /// The breakdown's lines for the current region, date and filter.
    public var breakdownLines: [BreakdownView.Line] {
        guard let counts = currentFacetCounts else { return [] }
        // Body only when the data names bodies here (with the other facets applied).
        let withBodies = !(counts.choices[.body] ?? [:]).isEmpty || !filter.bodies.isEmpty
        return BreakdownView.lines(counts, facets: BreakdownView.facets(withBodies: withBodies), order: breakdown.order)
    }

    var breakdownHeader: String {
        let sense = countingMode == .datedBy ? "dated by" : "known by"
        var text = "\(regionLabel(currentRegion)) · "
        if let n = currentFacetCounts?.total {
            text += "\(n) deployment\(n == 1 ? "" : "s") \(sense) \(date)"
        } else {
            text += "counting the deployments \(sense) \(date)…"
        }
        if !filter.isEmpty { text += " · filter: " + filter.summary }
        return text + " · a deployment with several models/use cases counts under each"
    }

    func breakdownPane(focused: Bool) -> BreakdownPane {
        let lines = breakdownLines
        let order = breakdown.order == .count ? "by count (o)" : "by name (o)"
        return BreakdownPane(title: "Breakdown · \(order)", header: breakdownHeader, lines: lines,
                             selection: breakdown.selectedLine(in: lines), focused: focused)
    }

    /// Shows the breakdown in place of the map / table, or hides it again (`b`).
    public mutating func setBreakdownShown(_ shown: Bool) {
        showsBreakdown = shown
        if shown { focus = .regions }
    }

    /// The breakdown's keys; false when the key is not one of them.
    mutating func handleBreakdownKey(_ key: Key) -> Bool {
        let page = max(1, BreakdownPane.listHeight(in: screenLayout.regions, header: breakdownHeader) - 1)
        switch breakdown.update(key, lines: breakdownLines, page: page) {
        case .ignored: return false
        case .none: return true
        case .apply(let bar):
            let on = bar.facet.selected(in: filter).contains(bar.value)
            filter = bar.facet.toggling(bar.value, in: filter)
            refresh()
            message = "filter \(on ? "−" : "+") \(bar.facet.rawValue)=\(bar.value): \(currentFacetCounts.map { "\($0.total) here" } ?? "counting…")"
            return true
        }
    }

    // MARK: Export

    /// What `e` writes: the focused pane's rows (nil when the pane shows nothing to export).
    public var focusedPaneExport: PaneExport? {
        switch focus {
        case .regions:
            if showsBreakdown { return currentFacetCounts == nil ? nil : PaneExport.breakdown(breakdownLines) }
            return PaneExport.table(tableRows, total: figures.country)
        case .drillDown:
            switch figures.drillContent {
            case .regions(let parent, let children, let own)?:
                return PaneExport.regions(parent: parent, children: children, own: own)
            case .deployments(_, let items)?:
                return PaneExport.deployments(Array(items), store: counting)
            case .record(let r, _)?:
                return PaneExport.deployments([r.deployment], store: counting)
            case nil:
                return nil
            }
        case .timeline:
            // With pins, the comparison on screen: one column per pinned region.
            if let rows = comparisonChart()?.csvRows(), let header = rows.first {
                return PaneExport(pane: "comparison", header: header, rows: Array(rows.dropFirst()))
            }
            return figures.timeline.map(PaneExport.timeline)
        }
    }

    /// `e`: writes the focused pane to a new CSV file and says which in the status bar.
    mutating func exportFocusedPane() {
        guard let export = focusedPaneExport else {
            message = "nothing to export here"
            return
        }
        let base = "adopt-\(export.pane)-\(currentRegion.description)-\(date)"
        do {
            let path = try ExportFile.create(in: exportDirectory, base: base, contents: export.csv)
            // The name first: a long directory is what the status bar may cut.
            let name = String(path.split(separator: "/").last ?? Substring(path))
            let rows = "\(export.rows.count) row\(export.rows.count == 1 ? "" : "s")"
            message = "wrote \(name) (\(rows))" + (exportDirectory == "." ? "" : " in \(exportDirectory)")
        } catch {
            message = "export failed: \(error)"
        }
    }
}
