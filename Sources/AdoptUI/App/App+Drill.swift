import AdoptCore

/// Selection and the drill-down stack: what Enter, Esc, `D` and search results do.
extension App {
    /// Puts the cursor on a province. A different province (or leaving the whole-country
    /// view) starts its drill-down afresh; the same one keeps where the user drilled to.
    mutating func selectProvince(_ code: RegionCode) {
        guard code != selectedProvince || wholeCountry else { return }
        selectedProvince = code
        wholeCountry = false
        drill = [DrillFrame(.regions(code))]
    }

    /// Selects the whole country: the drill-down lists the provinces, the cursor's on top.
    mutating func selectCountry() {
        wholeCountry = true
        let index = store.gazetteer.children(of: .country).firstIndex(of: selectedProvince) ?? 0
        drill = [DrillFrame(.regions(.country), selection: index)]
    }

    /// Enter on the map or table: into the selected province's drill-down.
    mutating func openSelection() {
        if wholeCountry { selectProvince(selectedProvince) }
        focus = .drillDown
    }

    /// Enter in the drill-down: a region row opens its children (or, for a county, its
    /// deployments); a deployment row opens its record.
    mutating func openDrillRow() {
        guard let top = drill.last else { return }
        switch top.kind {
        case .regions(let parent):
            // Below the country the first row is the parent's own deployments ("(city-wide)").
            let ownRow = parent == .country ? 0 : 1
            if ownRow == 1 && top.selection == 0 {
                push(DrillFrame(.ownDeployments(parent)))
                return
            }
            let children = store.gazetteer.children(of: parent)
            guard children.indices.contains(top.selection - ownRow) else { return }
            let child = children[top.selection - ownRow]
            if parent == .country { selectedProvince = child }
            push(frameOpening(child))
        case .deployments, .ownDeployments:
            guard case .deployments(_, let items)? = figures.drillContent,
                  items.indices.contains(top.selection) else { return }
            push(DrillFrame(.record(items.id(at: top.selection))))
        case .record:
            break
        }
    }

    /// What opening a region shows: its children, or its deployments when it has no children
    /// or when none of its children has any (Guangzhou's deployments are all city-wide: a list
    /// of eleven districts at 0 would hide them).
    private func frameOpening(_ code: RegionCode) -> DrillFrame {
        let children = store.gazetteer.children(of: code)
        let counts = counting.counts(at: date, filter: filter)
        if children.isEmpty || ((counts[code] ?? 0) > 0 && children.allSatisfy { (counts[$0] ?? 0) == 0 }) {
            return DrillFrame(.deployments(code))
        }
        return DrillFrame(.regions(code))
    }

    private mutating func push(_ frame: DrillFrame) {
        drill.append(frame)
        focus = .drillDown
    }

    /// Esc in the drill-down: up one level; at the top, back to the map.
    mutating func drillBack() {
        if drill.count > 1 {
            drill.removeLast()
        } else {
            focus = .regions
        }
    }

    /// `D`: the deployments of the region the drill-down shows.
    mutating func openDeployments() {
        guard let top = drill.last else { return }
        if case .regions(let code) = top.kind { push(DrillFrame(.deployments(code))) }
        focus = .drillDown
    }

    // MARK: Jumps (search results, `adopt dump --region`)

    /// Selects a region's province and opens the drill-down down to the region, as if the user
    /// had pressed Enter at each level: a region with children shows them, a county shows its
    /// deployments. The country selects the whole country.
    public mutating func jump(to code: RegionCode) {
        let path = Array(store.gazetteer.lineage(of: code).reversed())
        guard let province = path.first else {
            selectCountry()
            focus = .drillDown
            refresh()
            return
        }
        selectedProvince = province
        wholeCountry = false
        drill = [DrillFrame(.regions(province))]
        for child in path.dropFirst() {
            guard let parent = drill.last?.region else { break }
            let ownRow = parent == .country ? 0 : 1
            drill[drill.count - 1].selection = (store.gazetteer.children(of: parent).firstIndex(of: child) ?? 0) + ownRow
            drill.append(frameOpening(child))
        }
        focus = .drillDown
        refresh()
    }

    /// Opens a deployment's record, with its region's list beneath it. A deployment dated
    /// after the current date moves the date to it, so the list it sits in shows it.
    public mutating func jump(toDeployment id: String) {
        guard let record = counting.record(id: id) ?? store.record(id: id) else { return }
        let d = record.deployment
        if d.date > date { date = clamp(d.date) }
        jump(to: d.region)
        if case .regions(let code)? = drill.last?.kind { drill.append(DrillFrame(.deployments(code))) }
        let items = counting.deployments(in: d.region, at: date, filter: filter)
        drill[drill.count - 1].selection = items.firstIndex(ofID: id) ?? 0
        drill.append(DrillFrame(.record(id)))
        focus = .drillDown
        refresh()
    }

    // MARK: Direct setters (for `adopt dump` and embedding)

    /// Sets the current date, clamped to `dateRange`; returns the date used.
    @discardableResult
    public mutating func setDate(_ day: Day) -> Day {
        date = clamp(day)
        refresh()
        return date
    }

    public mutating func setCountingMode(_ mode: CountingMode) {
        countingMode = mode
        refresh()
    }

    public mutating func setFilter(_ filter: Filter) {
        self.filter = filter
        refresh()
    }

    public mutating func setRegionsView(_ view: RegionsView) {
        regionsView = view
    }
}
