/// A dimension deployments are counted and filtered by: the filter menu's groups, the
/// breakdown pane's sections and `export --by`'s values.
public enum Facet: String, CaseIterable, Sendable {
    case modelFamily = "model-family"
    case model
    case useCase = "use-case"
    case sector
    case status
    case body

    /// How the facet is titled on screen.
    public var title: String {
        switch self {
        case .modelFamily: return "Model family"
        case .model: return "Model"
        case .useCase: return "Use case"
        case .sector: return "Sector"
        case .status: return "Status"
        case .body: return "Body"
        }
    }

    /// Whether one deployment can have several values (models, use cases): its shares then
    /// add up to more than 100%, and screens must say so.
    public var isMultiValued: Bool { self == .modelFamily || self == .model || self == .useCase }

    /// The values a filter selects in this facet (empty: all).
    public func selected(in filter: Filter) -> Set<String> {
        switch self {
        case .modelFamily: return filter.families
        case .model: return filter.models
        case .useCase: return filter.useCases
        case .sector: return Set(filter.sectors.map(\.rawValue))
        case .status: return Set(filter.statuses.map(\.rawValue))
        case .body: return Set(filter.bodies.map(\.rawValue))
        }
    }

    /// The filter with `value` added to (or, when present, removed from) this facet's
    /// selection; a value the facet does not know leaves the filter unchanged.
    public func toggling(_ value: String, in filter: Filter) -> Filter {
        var f = filter
        func flip<T: Hashable>(_ set: inout Set<T>, _ v: T?) {
            guard let v else { return }
            if set.contains(v) { set.remove(v) } else { set.insert(v) }
        }
        switch self {
        case .modelFamily: flip(&f.families, value)
        case .model: flip(&f.models, value)
        case .useCase: flip(&f.useCases, value)
        case .sector: flip(&f.sectors, Sector(rawValue: value))
        case .status: flip(&f.statuses, Status(rawValue: value))
        case .body: flip(&f.bodies, Body(rawValue: value))
        }
        return f
    }

    /// The filter with this facet's selection cleared.
    public func clearing(in filter: Filter) -> Filter {
        var f = filter
        switch self {
        case .modelFamily: f.families = []
        case .model: f.models = []
        case .useCase: f.useCases = []
        case .sector: f.sectors = []
        case .status: f.statuses = []
        case .body: f.bodies = []
        }
        return f
    }
}
