import Foundation

/// What the user has narrowed the data to. An empty set means "all".
public struct Filter: Hashable, Sendable {
    public var sectors: Set<Sector> = []
    public var statuses: Set<Status> = []
    public var models: Set<String> = []
    /// Model families (`ModelFamily.name`): a deployment matches when any of its models is of
    /// one of them.
    public var families: Set<String> = []
    public var useCases: Set<String> = []
    /// Kinds of adopting body (format version 2); a deployment with no body never matches a
    /// non-empty set.
    public var bodies: Set<Body> = []
    /// Certainty: leave out deployments marked `uncertain`, or whose date is `approximate`.
    public var excludeUncertain = false
    public var excludeApproximate = false
    /// Case-insensitive words that must all appear in the organisation, id, note, models or use cases.
    public var text: String = ""

    public init(sectors: Set<Sector> = [], statuses: Set<Status> = [], models: Set<String> = [],
                useCases: Set<String> = [], text: String = "", bodies: Set<Body> = [],
                excludeUncertain: Bool = false, excludeApproximate: Bool = false, families: Set<String> = []) {
        self.sectors = sectors; self.statuses = statuses; self.models = models; self.families = families
        self.useCases = useCases; self.text = text; self.bodies = bodies
        self.excludeUncertain = excludeUncertain; self.excludeApproximate = excludeApproximate
    }

    public var isEmpty: Bool {
        sectors.isEmpty && statuses.isEmpty && models.isEmpty && families.isEmpty && useCases.isEmpty && bodies.isEmpty
            && !excludeUncertain && !excludeApproximate && text.allSatisfy(\.isWhitespace)
    }

    /// The same filter, also leaving out what rests on thin evidence: what the uncertainty
    /// marks compare against.
    public func firm(approximateToo: Bool) -> Filter {
        var f = self
        f.excludeUncertain = true
        if approximateToo { f.excludeApproximate = true }
        return f
    }

    /// A short human description for the status bar, e.g. "sector=government status=deployed".
    public var summary: String {
        var parts: [String] = []
        if !sectors.isEmpty { parts.append("sector=" + sectors.map(\.rawValue).sorted().joined(separator: ",")) }
        if !statuses.isEmpty { parts.append("status=" + statuses.map(\.rawValue).sorted().joined(separator: ",")) }
        if !families.isEmpty { parts.append("family=" + families.sorted().joined(separator: ",")) }
        if !models.isEmpty { parts.append("model=" + models.sorted().joined(separator: ",")) }
        if !useCases.isEmpty { parts.append("use=" + useCases.sorted().joined(separator: ",")) }
        if !bodies.isEmpty { parts.append("body=" + bodies.map(\.rawValue).sorted().joined(separator: ",")) }
        if excludeUncertain || excludeApproximate {
            parts.append("certainty=" + [excludeUncertain ? "no-uncertain" : nil,
                                         excludeApproximate ? "exact-dates" : nil].compactMap { $0 }.joined(separator: ","))
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty { parts.append("text=\"\(t)\"") }
        return parts.joined(separator: " ")
    }

    /// The lower-cased words of `text`.
    var words: [String] {
        text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Whether a deployment passes; `haystack` is its lower-cased searchable text.
    func matches(_ d: Deployment, haystack: String, words: [String]) -> Bool {
        if !sectors.isEmpty && !sectors.contains(d.sector) { return false }
        if !statuses.isEmpty && !statuses.contains(d.status) { return false }
        if !models.isEmpty && !d.models.contains(where: models.contains) { return false }
        if !families.isEmpty && !d.models.contains(where: { families.contains(ModelFamily.of($0).name) }) { return false }
        if !useCases.isEmpty && !d.useCases.contains(where: useCases.contains) { return false }
        if !bodies.isEmpty && !(d.body.map(bodies.contains) ?? false) { return false }
        if excludeUncertain && d.uncertain { return false }
        if excludeApproximate && d.approximate { return false }
        for w in words where !haystack.contains(w) { return false }
        return true
    }
}
