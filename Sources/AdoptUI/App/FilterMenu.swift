import AdoptCore

/// The `f` menu: certainty, every sector, status, kind of body, model and use case as a check
/// box, and "clear all".
/// Toggling applies at once, so the map behind the menu shows the effect.
public struct FilterMenu: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        case heading(String)
        case sector(Sector)
        case status(Status)
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
    }

    public let items: [Item]
    /// Index into `items`; always a selectable item.
    public private(set) var selection: Int

    /// `models` and `useCases` are the store's vocabularies.
    public init(models: [String], useCases: [String], bodies: [Body] = Body.allCases) {
        var items: [Item] = [.clearAll, .heading("Certainty"), .excludeUncertain, .excludeApproximate,
                             .heading("Sector")]
        items += Sector.allCases.map(Item.sector)
        items.append(.heading("Status"))
        items += Status.allCases.map(Item.status)
        if !bodies.isEmpty { items.append(.heading("Body")); items += bodies.map(Item.body) }
        if !models.isEmpty { items.append(.heading("Model")); items += models.map(Item.model) }
        if !useCases.isEmpty { items.append(.heading("Use case")); items += useCases.map(Item.useCase) }
        self.items = items
        selection = 0
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

    /// The filter with the selected item toggled (or cleared).
    public func toggling(_ filter: Filter) -> Filter {
        var f = filter
        func flip<T: Hashable>(_ set: inout Set<T>, _ value: T) {
            if set.contains(value) { set.remove(value) } else { set.insert(value) }
        }
        switch items[selection] {
        case .heading: break
        case .sector(let s): flip(&f.sectors, s)
        case .status(let s): flip(&f.statuses, s)
        case .model(let m): flip(&f.models, m)
        case .useCase(let u): flip(&f.useCases, u)
        case .body(let b): flip(&f.bodies, b)
        case .excludeUncertain: f.excludeUncertain.toggle()
        case .excludeApproximate: f.excludeApproximate.toggle()
        case .clearAll: f = Filter()
        }
        return f
    }

    /// Whether an item is on in `filter` (for its check box).
    public static func isOn(_ item: Item, in filter: Filter) -> Bool {
        switch item {
        case .heading, .clearAll: return false
        case .sector(let s): return filter.sectors.contains(s)
        case .status(let s): return filter.statuses.contains(s)
        case .model(let m): return filter.models.contains(m)
        case .useCase(let u): return filter.useCases.contains(u)
        case .body(let b): return filter.bodies.contains(b)
        case .excludeUncertain: return filter.excludeUncertain
        case .excludeApproximate: return filter.excludeApproximate
        }
    }
}
