import AdoptCore

/// Short names for what a claim counts, so the status bar can name the metric even at 80
/// columns ("tracked 30 / claimed 72 gov provs+cities").
public enum ClaimLabel {
    public static func short(_ c: ClaimCounts) -> String {
        let gov = c.bodies.count == 1 ? c.bodies.first!.rawValue + " " : (c.sectors == [.government] ? "gov " : "")
        switch c.unit {
        case .deployments: return gov + "deployments"
        case .organizations: return gov.isEmpty ? "adopters" : "gov bodies"
        case .regions: return gov + levels(c.levels)
        case .percentOfRegions: return "% of " + levels(c.levels)
        }
    }

    /// "provinces", "cities", "provs+cities", "regions".
    static func levels(_ l: Set<RegionLevel>) -> String {
        switch l {
        case [.province]: return "provinces"
        case [.prefecture]: return "cities"
        case [.county]: return "counties"
        case [.province, .prefecture]: return "provs+cities"
        default: return "regions"
        }
    }

    /// The definition in words, for the claims pane: "government regions at province and
    /// prefecture level with a deployed deployment".
    public static func definition(_ c: ClaimCounts) -> String {
        let unit: String
        switch c.unit {
        case .deployments: unit = "deployments"
        case .organizations: unit = "distinct organisations"
        case .regions: unit = "distinct regions"
        case .percentOfRegions: unit = "share of mainland regions with a match in or below them"
        }
        var parts = [unit]
        if !c.levels.isEmpty {
            parts.append("at " + c.levels.sorted().map { $0 == .prefecture ? "prefecture" : "\($0)" }.joined(separator: "/") + " level")
        }
        if !c.sectors.isEmpty { parts.append("sector " + c.sectors.map(\.rawValue).sorted().joined(separator: "/")) }
        if !c.bodies.isEmpty { parts.append("body " + c.bodies.map(\.rawValue).sorted().joined(separator: "/")) }
        if !c.statuses.isEmpty { parts.append("status " + c.statuses.map(\.rawValue).sorted().joined(separator: "/")) }
        return parts.joined(separator: ", ")
    }
}
