import AdoptCore

/// The claims pane's view (`c`, model: `ClaimsBrowser`). The list shows each claim with its
/// source, date, wording, definition and the tracked figure beside the claimed one; Enter on
/// a claim lists the tracked deployments behind the figure.
///
/// ```
/// ┌ Claims · Enter: who is tracked · Esc closes ─────────────────────────────┐
/// │5 claims; tracked = what the registry holds, counted each claim's way at  │
/// │its date, never filtered                                                  │
/// │──────────────────────────────────────────────────────────────────────────│
/// │› 2025-03-10  Zhiding think tank      tracked 30 / claimed 72 gov provs+… │
/// │    “provincial and city governments that had fully deployed DeepSeek…”   │
/// │    counts distinct regions, at province/prefecture level, sector …       │
/// └──────────────────────────────────────────────────────────────────────────┘
/// ```
public struct ClaimsPane {
    public var browser: ClaimsBrowser
    public var store: Store

    public init(browser: ClaimsBrowser, store: Store) { self.browser = browser; self.store = store }

    /// A body line and the item (claim or adopter) it belongs to.
    struct Line {
        var text: String
        var style: Style
        var item: Int
    }

    static func area(over screen: Rect) -> Rect {
        OverlayFrame.centred(width: 118, height: screen.height, over: screen)
    }

    /// The rows one page key moves in a terminal of this size.
    static func page(screenHeight: Int) -> Int { max(1, screenHeight - 8) }

    /// "tracked 30 / claimed 72 gov provs+cities".
    static func comparison(_ t: ClaimTally) -> String {
        let share = t.claim.counts.isShare
        let tracked = StatusBar.number(share ? (t.tracked * 10).rounded() / 10 : t.tracked) + (share ? "%" : "")
        let claimed = StatusBar.number(t.claim.value) + (share ? "%" : "")
        let unit = ClaimLabel.short(t.claim.counts)
        return "tracked \(tracked) / claimed \(claimed) " + (share ? String(unit.dropFirst(2)) : unit)
    }

    func publisher(_ c: Claim) -> String {
        StatusBar.shortPublisher(store.source(id: c.source)?.publisher ?? c.source)
    }

    /// What the tracked figure rests on: "from 45 deployments; 3 of 31 provinces".
    static func basis(_ t: ClaimTally) -> String {
        let n = t.rows.count
        var text = "\(n) deployment\(n == 1 ? "" : "s") behind it"
        if let outOf = t.outOf { text += "; \(t.found) of \(outOf) mainland regions" }
        return text
    }

    func claimLines(width: Int) -> [Line] {
        var lines: [Line] = []
        for (k, t) in browser.tallies.enumerated() {
            let selected = k == browser.claim
            let head = "\(selected ? "›" : " ") \(t.claim.date)  \(publisher(t.claim))  ·  \(ClaimsPane.comparison(t))"
            lines.append(Line(text: head, style: selected ? Theme.selected : Theme.title, item: k))
            for piece in TextLayout.wrap("“\(t.claim.metric)”", width: max(1, width - 4)) {
                lines.append(Line(text: "    " + piece, style: Theme.text, item: k))
            }
            let definition = "counts " + ClaimLabel.definition(t.claim.counts) + " · " + ClaimsPane.basis(t)
            for piece in TextLayout.wrap(definition, width: max(1, width - 4)) {
                lines.append(Line(text: "    " + piece, style: Theme.dim, item: k))
            }
        }
        return lines
    }

    func adopterLines(_ t: ClaimTally, selection: Int) -> [Line] {
        t.rows.enumerated().map { k, row in
            let d = store.deployment(row: row)
            let place = store.gazetteer.region(d.region).map { "\($0.shortName) \($0.english)" } ?? d.region.description
            let marks = (d.uncertain ? " ?uncertain" : "") + (d.approximate ? " ~date" : "")
            let text = "\(k == selection ? "›" : " ") \(d.date)  \(TextLayout.pad(place, width: 18))  \(d.organization)  [\(d.status.rawValue)]\(marks)"
            return Line(text: text, style: k == selection ? Theme.selected : (d.uncertain ? Theme.dim : Theme.text), item: k)
        }
    }

    public func draw(into grid: inout Grid, over screen: Rect) {
        let area = ClaimsPane.area(over: screen)
        let title = browser.adopter == nil ? "Claims · Enter: who is tracked · Esc closes"
                                            : "Tracked adopters · Enter: record · Esc: claims"
        let inner = grid.drawBox(area, title: title, focused: true)
        guard !inner.isEmpty else { return }
        var header: [String]
        let lines: [Line]
        let selection: Int
        if let a = browser.adopter, browser.tallies.indices.contains(browser.claim) {
            let t = browser.tallies[browser.claim]
            header = ["\(publisher(t.claim)), \(t.claim.date): \(ClaimsPane.comparison(t))",
                      "counts " + ClaimLabel.definition(t.claim.counts) + " · " + ClaimsPane.basis(t)]
            lines = adopterLines(t, selection: a)
            selection = a
        } else {
            let n = browser.tallies.count
            header = ["\(n) claim\(n == 1 ? "" : "s"). Tracked = what the registry holds, counted the claim's way at the claim's date, never filtered."]
            lines = claimLines(width: inner.width)
            selection = browser.claim
        }
        var row = inner.row
        for text in header.flatMap({ TextLayout.wrap($0, width: max(1, inner.width)) }) where row < inner.bottom {
            grid.put(text, row: row, column: inner.column, style: Theme.text, limit: inner.width)
            row += 1
        }
        if row < inner.bottom {
            grid.put(String(repeating: "─", count: inner.width), row: row, column: inner.column, style: Theme.border)
            row += 1
        }
        let visible = max(0, inner.bottom - row)
        if lines.isEmpty, visible > 0 {
            grid.put(browser.tallies.isEmpty ? "no claims in this snapshot" : "nothing tracked yet",
                     row: row, column: inner.column + 2, style: Theme.dim, limit: inner.width - 2)
            return
        }
        // Scroll so the selected item's lines are all in view.
        let firstOfSelected = lines.firstIndex { $0.item == selection } ?? 0
        let lastOfSelected = lines.lastIndex { $0.item == selection } ?? 0
        var first = max(0, lastOfSelected - visible + 1)
        first = min(first, firstOfSelected)
        for (k, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            if line.style == Theme.selected { grid.fill(row: row + k, column: inner.column, width: inner.width, height: 1, style: Theme.selected) }
            grid.put(TextLayout.clip(line.text, width: inner.width), row: row + k, column: inner.column,
                     style: line.style, limit: inner.width)
        }
        if first > 0 { grid.put("▲", row: row, column: inner.right - 1, style: Theme.dim) }
        if first + visible < lines.count { grid.put("▼", row: inner.bottom - 1, column: inner.right - 1, style: Theme.dim) }
    }
}
