import AdoptCore
import AdoptUI
import ArgumentParser

/// What `export` and `dump` count: at which date, in which sense ("dated by" or "known by"),
/// and under which filter. Shared so the two commands (and the dashboard's `K` and `f`) mean
/// the same thing by the same words.
struct CountingOptions: ParsableArguments {
    @Option(name: [.customLong("dated-by"), .customLong("as-of")],
            help: "Count the current snapshot's deployments dated on or before this day (default: its asOf). --as-of is the old name.")
    var datedBy: String?

    @Option(name: .customLong("known-by"),
            help: "Count what had been reported by this day: the deployments of the snapshot current then.")
    var knownBy: String?

    @Option(name: .customLong("sector"), parsing: .upToNextOption,
            help: "Only these sectors: \(Sector.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sectors: [String] = []

    @Option(name: .customLong("status"), parsing: .upToNextOption,
            help: "Only these statuses: \(Status.allCases.map(\.rawValue).joined(separator: ", ")).")
    var statuses: [String] = []

    @Option(name: .customLong("body"), parsing: .upToNextOption,
            help: "Only these kinds of body: \(Body.allCases.map(\.rawValue).joined(separator: ", ")).")
    var bodies: [String] = []

    @Flag(name: .customLong("exclude-uncertain"), help: "Leave out deployments marked uncertain.")
    var excludeUncertain = false

    @Flag(name: .customLong("exclude-approximate"), help: "Leave out deployments whose date is approximate.")
    var excludeApproximate = false

    func validate() throws {
        if datedBy != nil && knownBy != nil {
            throw ValidationError("give --dated-by (or --as-of) or --known-by, not both")
        }
        if let datedBy { _ = try parseDay(datedBy, option: "--dated-by") }
        if let knownBy { _ = try parseDay(knownBy, option: "--known-by") }
        _ = try filter()
    }

    /// The date asked for, if any, and whether it means "known by".
    func date() throws -> (day: Day, knownBy: Bool)? {
        if let knownBy { return (try parseDay(knownBy, option: "--known-by"), true) }
        if let datedBy { return (try parseDay(datedBy, option: "--dated-by"), false) }
        return nil
    }

    func filter() throws -> Filter {
        func parse<E: RawRepresentable & CaseIterable>(_ names: [String], _ option: String, _: E.Type) throws -> Set<E>
        where E.RawValue == String {
            Set(try names.flatMap { $0.split(separator: ",").map(String.init) }.map { name in
                guard let e = E(rawValue: name) else {
                    throw ValidationError("\(option) \"\(name)\" is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return e
            })
        }
        return Filter(sectors: try parse(sectors, "--sector", Sector.self),
                      statuses: try parse(statuses, "--status", Status.self),
                      bodies: try parse(bodies, "--body", Body.self),
                      excludeUncertain: excludeUncertain, excludeApproximate: excludeApproximate)
    }

    /// The store to count in and the day: for "known by", the snapshot current that day;
    /// a stderr line says which snapshot that is, so a script's log shows what was counted.
    func resolve(_ store: Store, command: String) throws -> (store: Store, day: Day, mode: CountingMode) {
        guard let (day, known) = try date() else { return (store, store.current.asOf, .datedBy) }
        guard known else { return (store, day, .datedBy) }
        guard store.snapshotIndex(knownBy: day) != nil else {
            printError("adopt \(command): no snapshot had been published by \(day) (the first is \(store.snapshots.first?.asOf.description ?? "none")); nothing was known")
            return (store.knownBy(day), day, .knownBy)
        }
        return (store.knownBy(day), day, .knownBy)
    }
}
