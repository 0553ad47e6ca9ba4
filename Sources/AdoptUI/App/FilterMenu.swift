import AdoptCore

/// The `f` menu: certainty, every sector, status, kind of body, model family, model and use
/// case as a check box, each with how many deployments it would give (VisiData's frequency
/// sheet), and "clear all". Toggling applies at once, so the map behind the menu shows the
/// effect.
///
/// The order within each group (most deployments first, or by name: `o`) is fixed when the
/// menu opens and when `o` is pressed, never by a toggle: a toggle changes the counts, and
/// re-sorting then would move the item under the cursor away from it. So the selected item
/// stays selected and on its row; reopening the menu sorts by the new counts.
public struct FilterMenu: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        case heading(String)
        case sector(Sector)
        case status(Status)
        case family(String)
        case model(String)
        case useCase(String)
        case body(Body)
        /// Leave out deployments marked uncertain.
        case excludeUncertain
        /// Leave out deployments whose date is approximate.
        case excludeApproximate
        case clearAll

        var isSelectable: Bool {
            if case .heading = self { return false }
            return true
        }

        /// The facet and value a check box stands for (nil for certainty, headings, clear all).
        public var choice: (facet: Facet, value: String)? {
            switch self {
            case .sector(let s): return (.sector, s.rawValue)
            case .status(let s): return (.status, s.rawValue)
            case .family(let f): return (.modelFamily, f)
            case .model(let m): return (.model, m)
            case .useCase(let u): return (.useCase, u)
            case .body(let b): return (.body, b.rawValue)
            case .heading, .excludeUncertain, .excludeApproximate, .clearAll: return nil
            }
        }

        /// The count shown beside the item: deployments the choice gives with the other
        /// facets applied; for the certainty boxes, how many of the matching deployments are
        /// uncertain / approximately dated (what the box would leave out).
        public func count(in counts: FacetCounts) -> Int? {
            switch self {
            case .excludeUncertain: return counts.uncertain
            case .excludeApproximate: return counts.approximate
            case .heading, .clearAll: return nil
            default: return choice.map { counts.count($0.facet, $0.value) }
            }
        }
    }

    /// The store's vocabularies, kept to re-sort.
    struct Vocabulary: Equatable, Sendable {
        var models: [String]
        var families: [String]
        var useCases: [String]
        var bodies: [Body]
    }

    let vocabulary: Vocabulary
    public private(set) var items: [Item]
    /// Index into `items`; always a selectable item.
    public private(set) var selection: Int
    public private(set) var order: Breakdown.Order
    /// The widest a check box's label can be, and the widest count (the store's deployment
    /// count): fixed when the menu opens, so its width does not change while toggling.
    public let labelWidth: Int
    public let countWidth: Int

    /// - Parameters:
    ///   - models, useCases, bodies: the store's vocabularies.
    ///   - counts: the counts to sort by (nil: by name).
    ///   - largestCount: the most any count can be (the store's deployments), for the width.
    public init(models: [String], useCases: [String], bodies: [Body] = Body.allCases,
                counts: FacetCounts? = nil, order: Breakdown.Order = .count, largestCount: Int = 0) {
        let families = Set(models.map { ModelFamily.of($0).name }).sorted()
        vocabulary = Vocabulary(models: models, families: families, useCases: useCases, bodies: bodies)
        self.order = counts == nil ? .name : order
        items = FilterMenu.items(vocabulary, counts: counts, order: self.order)
        selection = 0
        let values = items.compactMap(\.choice).map(\.value)
            + ["leave out approximate dates", "leave out uncertain records"]
        labelWidth = 4 + (values.map(DisplayWidth.of).max() ?? 0)
        countWidth = max(1, String(max(0, largestCount)).count)
    }

    static func items(_ v: Vocabulary, counts: FacetCounts?, order: Breakdown.Order) -> [Item] {
        func sorted(_ group: [Item]) -> [Item] {
            guard let counts, order == .count else {
                return group.sorted { ($0.choice?.value ?? "") < ($1.choice?.value ?? "") }
            }
            // Most first; ties by name.
            return group.sorted {
                let a = $0.count(in: counts) ?? 0, b = $1.count(in: counts) ?? 0
                return a != b ? a > b : ($0.choice?.value ?? "") < ($1.choice?.value ?? "")
            }
        }
        var items: [Item] = [.clearAll, .heading("Certainty"), .excludeUncertain, .excludeApproximate]
        func group(_ title: String, _ members: [Item]) {
            guard !members.isEmpty else { return }
            items.append(.heading(title))
            items += sorted(members)
        }
        group(Facet.sector.title, Sector.allCases.map(Item.sector))
        group(Facet.status.title, Status.allCases.map(Item.status))
        group(Facet.body.title, v.bodies.map(Item.body))
        group(Facet.modelFamily.title, v.families.map(Item.family))
        group(Facet.model.title, v.models.map(Item.model))
        group(Facet.useCase.title, v.useCases.map(Item.useCase))
        return items
    }

    /// Sorts the groups again (by `order`, with `counts`), keeping the selected item selected.
    public mutating func sort(by order: Breakdown.Order, counts: FacetCounts) {
        let selected = items[selection]
        self.order = order
        items = FilterMenu.items(vocabulary, counts: counts, order: order)
        selection = items.firstIndex(of: selected) ?? 0
    }

    /// Moves by `delta` selectable items, stopping at the ends.
    public mutating func move(by delta: Int) {
        let selectable = items.indices.filter { items[$0].isSelectable }
        guard let here = selectable.firstIndex(of: selection) else { return }
        selection = selectable[max(0, min(selectable.count - 1, here + delta))]
    }

    public mutating func moveToEnd(_ last: Bool) {
        let selectable = items.indices.filter { items[$0].isSelectable }
        if let s = last ? selectable.last : selectable.first { selection = s }
    }

    /// Selects an item (tests, and callers that know what they want); false if it is absent.
    @discardableResult
    public mutating func select(_ item: Item) -> Bool {
        guard item.isSelectable, let i = items.firstIndex(of: item) else { return false }
        selection = i
        return true
    }

    /// The filter with the selected item toggled (or cleared).
    public func toggling(_ filter: Filter) -> Filter {
        let item = items[selection]
        if let choice = item.choice { return choice.facet.toggling(choice.value, in: filter) }
        var f = filter
        switch item {
        case .excludeUncertain: f.excludeUncertain.toggle()
        case .excludeApproximate: f.excludeApproximate.toggle()
        case .clearAll: f = Filter()
        default: break
        }
        return f
    }

    /// Whether an item is on in `filter` (for its check box).
    public static func isOn(_ item: Item, in filter: Filter) -> Bool {
        if let choice = item.choice { return choice.facet.selected(in: filter).contains(choice.value) }
        switch item {
        case .excludeUncertain: return filter.excludeUncertain
        case .excludeApproximate: return filter.excludeApproximate
        default: return false
        }
    }
}
