import AdoptCore

/// The breakdown view's state (`b`, in place of the map or table): the region's deployments
/// at the date under the filter, counted by model family, model, use case, sector, status
/// and body, as one scrolling list of bars. Its own update function takes the keys while the
/// regions pane has the focus; the lines come from the store's facet counts.
public struct BreakdownView: Equatable, Sendable {
    /// One value of one facet: what a bar stands for and what Enter filters by.
    public struct Bar: Hashable, Sendable {
        public let facet: Facet
        public let value: String
        public init(facet: Facet, value: String) { self.facet = facet; self.value = value }
    }

    public enum Line: Equatable, Sendable {
        /// A section's heading.
        case section(Breakdown)
        case bar(Facet, Breakdown.Row)
        /// Deployments with no value in the facet: shown, never a filter.
        case unstated(Facet, count: Int, share: Double)
        case blank

        public var bar: Bar? {
            if case .bar(let facet, let row) = self { return Bar(facet: facet, value: row.value) }
            return nil
        }
    }

    /// What the run loop's caller (the App) should do after a key.
    public enum Outcome: Equatable, Sendable {
        case none
        /// Enter on a bar: toggle its value in the filter.
        case apply(Bar)
        /// The key is not the breakdown's.
        case ignored
    }

    public internal(set) var order: Breakdown.Order = .count
    /// The selected bar by what it is, not by line, so it stays on the same value when a
    /// filter or the date changes the counts (nil: the first bar).
    public internal(set) var selected: Bar?

    public init(order: Breakdown.Order = .count, selected: Bar? = nil) {
        self.order = order; self.selected = selected
    }

    /// The sections shown: body only when the data names bodies.
    public static func facets(withBodies: Bool) -> [Facet] {
        Facet.allCases.filter { $0 != .body || withBodies }
    }

    /// The lines for `counts`: per facet a heading, the bars in `order`, "(not stated)" when
    /// some deployment has no value there, and a blank line between sections.
    public static func lines(_ counts: FacetCounts, facets: [Facet], order: Breakdown.Order) -> [Line] {
        var out: [Line] = []
        for facet in facets {
            let b = counts.breakdown(facet)
            if !out.isEmpty { out.append(.blank) }
            out.append(.section(b))
            out += b.rows(by: order).map { Line.bar(facet, $0) }
            if b.unstated > 0 {
                out.append(.unstated(facet, count: b.unstated, share: b.total == 0 ? 0 : Double(b.unstated) / Double(b.total)))
            }
        }
        return out
    }

    /// The line of the selected bar (the first bar when the selection is gone or unset).
    public func selectedLine(in lines: [Line]) -> Int? {
        if let selected, let i = lines.firstIndex(where: { $0.bar == selected }) { return i }
        return lines.firstIndex { $0.bar != nil }
    }

    /// Keys: arrows / j k move between bars, PgUp PgDn by `page` lines, g G (Home End) to the
    /// first and last bar, `o` switches count / name order, Enter applies the bar as a filter.
    public mutating func update(_ key: Key, lines: [Line], page: Int) -> Outcome {
        let bars = lines.indices.filter { lines[$0].bar != nil }
        let here = selectedLine(in: lines)
        let at = here.flatMap { bars.firstIndex(of: $0) } ?? 0
        func select(_ k: Int) {
            guard !bars.isEmpty else { return }
            selected = lines[bars[max(0, min(bars.count - 1, k))]].bar
        }
        /// The bar at or past line `l` (PgUp/PgDn move by screen lines, not bars).
        func select(line l: Int, forward: Bool) {
            let target = forward ? bars.first { $0 >= l } ?? bars.last : bars.last { $0 <= l } ?? bars.first
            if let target { selected = lines[target].bar }
        }
        switch key {
        case .up, .character("k"), .wheelUp: select(at - 1)
        case .down, .character("j"), .wheelDown: select(at + 1)
        case .pageUp: select(line: (here ?? 0) - page, forward: false)
        case .pageDown: select(line: (here ?? 0) + page, forward: true)
        case .home, .character("g"): select(0)
        case .end, .character("G"): select(bars.count - 1)
        case .character("o"): order = order == .count ? .name : .count
        case .enter:
            guard let i = here, let bar = lines[i].bar else { return .none }
            selected = bar
            return .apply(bar)
        default: return .ignored
        }
        return .none
    }
}
