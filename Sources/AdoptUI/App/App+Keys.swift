import AdoptCore

extension App {
    /// Applies one key press (or mouse event, or resize) and says what the run loop should do.
    @discardableResult
    public mutating func handle(_ key: Key) -> Effect {
        if case .resize(let w, let h) = key {
            screenWidth = max(0, w)
            screenHeight = max(0, h)
            return .none
        }
        if key == .control("c") { return .quit }
        message = nil
        let effect: Effect
        if overlay != nil {
            effect = handleOverlay(key)
        } else if TooSmall.applies(width: screenWidth, height: screenHeight) {
            // Nothing to navigate on the "too small" screen; only quitting makes sense.
            effect = key == .character("q") ? .quit : .none
        } else if handlePresenterKey(key) {
            effect = .none
        } else {
            effect = handleMain(key)
        }
        refresh()
        return effect
    }

    /// Presses each key in turn (tests and scripted demos); stops at the first quit.
    @discardableResult
    public mutating func handle(_ keys: [Key]) -> Effect {
        for key in keys where handle(key) == .quit { return .quit }
        return .none
    }

    /// Types each character of `text` as a key.
    @discardableResult
    public mutating func type(_ text: String) -> Effect {
        handle(text.map(Key.character))
    }

    private mutating func handleMain(_ key: Key) -> Effect {
        comparison.pins.update(.dismissNotice)
        if case .character(let ch) = key, ch.isASCII, let digit = ch.wholeNumberValue,
           digit > 0 || pendingCount != nil {
            pendingCount = min(9999, (pendingCount ?? 0) * 10 + digit)
            return .none
        }
        let count = pendingCount ?? 1
        pendingCount = nil

        if let action = Keymap.action(for: key) { return perform(action, count: count) }
        // Zoomed, Esc gives the other panes back before it does anything in the pane.
        if key == .escape, zoom.isOn {
            zoom.restore()
            return .none
        }
        switch key {
        case .click, .wheelUp, .wheelDown: handleMouse(key)
        default:
            switch focus {
            case .regions: handleRegionsKey(key, count: count)
            case .drillDown: handleDrillKey(key, count: count)
            case .timeline: handleTimelineKey(key, count: count)
            }
        }
        return .none
    }

    /// What a global key (see `Keymap`) does.
    private mutating func perform(_ action: Keymap.Action, count: Int) -> Effect {
        switch action {
        case .quit: return .quit
        case .help: overlay = .help(scroll: 0)
        case .search: overlay = .search(SearchState())
        case .filter: overlay = .filter(makeFilterMenu())
        case .claims: overlay = .claims(ClaimsBrowser(store: store))
        case .toggleCountingMode: countingMode = countingMode.toggled
        case .toggleView:
            // From the breakdown, back to the map or table it replaced; else switch them.
            if showsBreakdown { showsBreakdown = false } else { regionsView = regionsView.toggled }
        case .breakdown: setBreakdownShown(!showsBreakdown)
        case .export: exportFocusedPane()
        case .nextPane: focus = focus.next
        case .previousPane: focus = focus.previous
        case .dayForward: moveDate(days: count)
        case .dayBack: moveDate(days: -count)
        case .weekForward: moveDate(days: 7 * count)
        case .weekBack: moveDate(days: -7 * count)
        case .deployments: openDeployments()
        case .playPause: togglePlayback()
        case .faster: changeSpeed(faster: true)
        case .slower: changeSpeed(faster: false)
        case .presentation: togglePresentation()
        case .problems: toggleProblems()
        case .diff: openDiff()
        case .acknowledge: acknowledgeChanges()
        case .reload: requestReload()
        case .sortNext, .sortReverse:
            // Only the table on screen, with the focus on it, is sorted: a hidden one is left
            // as it was, and the status line says why nothing moved.
            guard regionsView == .table, !showsBreakdown, focus == .regions else {
                message = "s/S sort the table view (m shows it)"
                break
            }
            tableSort = action == .sortNext ? tableSort.cycled(among: tableSortColumns) : tableSort.reversed()
        case .pin: comparison.pins.update(.toggle(currentRegion))
        case .unpinAll: comparison.pins.update(.clear)
        case .toggleTimelineScale: comparison.toggleScale()
        case .commandLine: overlay = .commandLine
        case .cycleLabels:
            labels = labels.next
            message = "labels: \(labels.title) (L)"
        case .zoom: zoom.toggle()
        }
        return .none
    }

    // MARK: Panes

    private mutating func handleRegionsKey(_ key: Key, count: Int) {
        if showsBreakdown && handleBreakdownKey(key) { return }
        switch key {
        case .enter:
            openSelection()
        case .character("l") where regionsView == .table, .right where regionsView == .table:
            openSelection()
        case .escape, .backspace:
            if !wholeCountry { selectCountry() }
        case .home: if regionsView == .table, let first = tableRows.first { selectProvince(first.region.code) }
        case .end: if regionsView == .table, let last = tableRows.last { selectProvince(last.region.code) }
        case .pageUp where regionsView == .table: moveInTable(by: -count * tablePage)
        case .pageDown where regionsView == .table: moveInTable(by: count * tablePage)
        default:
            guard let direction = App.direction(of: key) else { return }
            if regionsView == .map {
                moveOnMap(direction, times: count)
            } else if direction == .up || direction == .down {
                moveInTable(by: direction == .up ? -count : count)
            }
        }
    }

    private mutating func handleDrillKey(_ key: Key, count: Int) {
        switch key {
        case .enter, .right, .character("l"): openDrillRow()
        case .escape, .backspace, .left, .character("h"): drillBack()
        case .up, .character("k"): moveDrillSelection(by: -count)
        case .down, .character("j"): moveDrillSelection(by: count)
        case .pageUp: moveDrillSelection(by: -count * drillPage)
        case .pageDown: moveDrillSelection(by: count * drillPage)
        case .home: moveDrillSelection(by: -drillRowCount)
        case .end: moveDrillSelection(by: drillRowCount)
        default: break
        }
    }

    private mutating func handleTimelineKey(_ key: Key, count: Int) {
        switch key {
        case .left, .character("h"): moveDate(days: -count)
        case .right, .character("l"): moveDate(days: count)
        case .pageUp: date = clamp(date.adding(months: -count))
        case .pageDown: date = clamp(date.adding(months: count))
        case .home: date = dateRange.lowerBound
        case .end: date = dateRange.upperBound
        case .enter: openEventDetail()
        case .escape, .backspace: focus = .regions
        default: break
        }
    }

    static func direction(of key: Key) -> TileLayout.Direction? {
        switch key {
        case .up, .character("k"): return .up
        case .down, .character("j"): return .down
        case .left, .character("h"): return .left
        case .right, .character("l"): return .right
        default: return nil
        }
    }

    // MARK: Moves

    mutating func moveDate(days: Int) {
        date = clamp(Day(ordinal: Int32(clamping: Int(date.ordinal) + days)))
    }

    /// The tile layout on screen now (navigation follows what the user sees).
    var mapLayout: TileLayout {
        MapPane.geometry(in: screenLayout.regions, countWidth: mapCountWidth)?.layout ?? .full
    }

    mutating func moveOnMap(_ direction: TileLayout.Direction, times: Int) {
        var code = selectedProvince
        for _ in 0..<max(1, times) {
            guard let next = mapLayout.neighbour(of: code, direction) else { break }
            code = next
        }
        selectProvince(code)
    }

    mutating func moveInTable(by delta: Int) {
        let rows = tableRows
        guard !rows.isEmpty else { return }
        let here = rows.firstIndex { $0.region.code == selectedProvince } ?? 0
        selectProvince(rows[max(0, min(rows.count - 1, here + delta))].region.code)
    }

    /// Rows a page key moves in the table.
    private var tablePage: Int {
        max(1, TablePane.body(in: screenLayout.regions, rowCount: 0, selection: 0, withTotal: true).visible - 1)
    }

    /// Rows a page key moves in the drill-down (its body less breadcrumb, header, footer).
    private var drillPage: Int { max(1, screenLayout.drillDown.height - 6) }

    mutating func moveDrillSelection(by delta: Int) {
        guard !drill.isEmpty else { return }
        let count = drillRowCount
        drill[drill.count - 1].selection = max(0, min(max(0, count - 1), drill[drill.count - 1].selection + delta))
    }
}
