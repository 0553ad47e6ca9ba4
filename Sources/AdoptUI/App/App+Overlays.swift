import AdoptCore

/// Keys while the help, search or filter window is open: it takes them all (Ctrl-C still quits).
extension App {
    mutating func handleOverlay(_ key: Key) -> Effect {
        switch overlay {
        case .help(let scroll)?: handleHelp(key, scroll: scroll)
        case .search(let open)?:
            // Matches a frame has drawn since the keystroke that asked for them replace the
            // previous query's before the key acts.
            var state = searchOnScreen(open, drawing: false)
            switch handleSearch(key, state: &state) {
            case true?: overlay = nil
            case false?: overlay = .search(state)
            case nil: if state != open, case .search? = overlay { overlay = .search(state) }
            }
        case .filter(var menu)?: handleFilter(key, menu: &menu)
        case .problems(let scroll)?: handleProblemsKey(key, scroll: scroll)
        case .diff(let view)?: handleDiffKey(key, view: view)
        case .claims(var browser)?:
            switch browser.update(key, store: store, page: ClaimsPane.page(screenHeight: screenHeight)) {
            case .stay: overlay = .claims(browser)
            case .close: overlay = nil
            case .open(let id):
                overlay = nil
                jump(toDeployment: id)
            }
        case .event(var detail)?:
            if detail.update(key) { overlay = .event(detail) } else { overlay = nil }
        case .commandLine?:
            if [.escape, .enter, .character(":"), .character("q"), .backspace].contains(key) { overlay = nil }
        case nil: break
        }
        return .none
    }

    private mutating func handleHelp(_ key: Key, scroll: Int) {
        // The screen less the status line, as the overlay is drawn.
        let last = HelpOverlay.maxScroll(screenWidth: screenWidth, screenHeight: screenHeight - 1)
        let page = max(1, min(screenHeight - 1, HelpOverlay.rows(width: screenWidth).count) - 3)
        let scroll = min(scroll, last)
        switch key {
        case .escape, .enter, .character("?"), .character("q"), .backspace: overlay = nil
        case .up, .character("k"), .wheelUp: overlay = .help(scroll: max(0, scroll - 1))
        case .down, .character("j"), .wheelDown: overlay = .help(scroll: min(last, scroll + 1))
        case .pageUp: overlay = .help(scroll: max(0, scroll - page))
        case .pageDown: overlay = .help(scroll: min(last, scroll + page))
        case .home, .character("g"): overlay = .help(scroll: 0)
        case .end, .character("G"): overlay = .help(scroll: last)
        default: break
        }
    }

    /// Returns nil when the state is unchanged, true when the search is finished (Enter or
    /// Esc), false when it goes on with `state`.
    private mutating func handleSearch(_ key: Key, state: inout SearchState) -> Bool? {
        switch key {
        case .escape:
            return true
        case .enter:
            // While the query's matches are searched, the list shown is the previous query's:
            // Enter waits for the query's own (the title says "searching…").
            guard !state.isSearching else { return nil }
            guard state.matches.indices.contains(state.selection) else { return state.query.isEmpty ? true : nil }
            overlay = nil
            switch state.matches[state.selection].result {
            case .region(let code): jump(to: code)
            case .deployment(let id): jump(toDeployment: id)
            }
            return nil
        case .up, .control("p"), .wheelUp:
            state.selection = max(0, state.selection - 1)
        case .down, .control("n"), .tab, .wheelDown:
            state.selection = min(max(0, state.matches.count - 1), state.selection + 1)
        case .backspace, .delete:
            guard !state.query.isEmpty else { return nil }
            state.query.removeLast()
            search(into: &state)
        case .control("u"):
            state = SearchState()
        case .character(let ch):
            guard !ch.isNewline, ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
            state.query.append(ch)
            search(into: &state)
        default:
            return nil
        }
        return false
    }

    /// Searches the state's query, at once or (the dashboard, many rows) in the background,
    /// leaving the previous matches on screen and the request pending. Regions with
    /// deployments on screen (at the date, under the filter) rank above their namesakes: the
    /// counts are the map's, already worked out for this frame.
    private func search(into state: inout SearchState) {
        state.selection = 0
        let counts = counting.counts(at: date, filter: filter)
        guard let backgroundSearch else {
            state.matches = searchIndex.matches(state.query, counts: counts)
            return
        }
        let request = SearchRequest(query: state.query, store: store, counting: counting, date: date, filter: filter)
        if let matches = backgroundSearch.matches(request, in: searchIndex, counts: counts) {
            state.matches = matches
            state.pending = nil
        } else {
            state.pending = request
        }
    }

    /// The search as the screen shows it: once the pending search has finished, its matches
    /// (selection on the first). A frame (`drawing`) takes finished matches; a key only
    /// matches a frame has drawn, so Enter and the arrows act on what is on screen.
    func searchOnScreen(_ state: SearchState, drawing: Bool) -> SearchState {
        guard let pending = state.pending,
              let matches = backgroundSearch?.finishedMatches(pending, drawing: drawing) else { return state }
        var shown = state
        shown.matches = matches
        shown.pending = nil
        shown.selection = 0
        return shown
    }

    private mutating func handleFilter(_ key: Key, menu: inout FilterMenu) {
        switch key {
        case .escape, .character("f"), .character("q"), .backspace:
            overlay = nil
            return
        case .up, .character("k"), .wheelUp: menu.move(by: -1)
        case .down, .character("j"), .wheelDown: menu.move(by: 1)
        case .pageUp: menu.move(by: -10)
        case .pageDown: menu.move(by: 10)
        case .home, .character("g"): menu.moveToEnd(false)
        case .end, .character("G"): menu.moveToEnd(true)
        case .enter, .character(" "), .character("x"): filter = menu.toggling(filter)
        case .character("c"): filter = Filter()
        // Re-sorts now (a toggle never does: the item under the cursor stays put).
        case .character("o"):
            if let counts = currentFacetCounts { menu.sort(by: menu.order == .count ? .name : .count, counts: counts) }
        default: return
        }
        overlay = .filter(menu)
    }
}
