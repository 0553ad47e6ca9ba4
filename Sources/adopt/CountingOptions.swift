import AdoptCore
import AdoptUI
import ArgumentParser

/// What `export` and `dump` count: at which date, in which sense ("dated by" or "known by"),
/// and under which filter. Shared so the two commands (and the dashboard's `K` and `f`) mean
/// the same thing by the same words.
struct CountingOptions: ParsableArguments {
    @Option(name: [.customLong("date"), .customLong("dated-by"), .customLong("as-of")],
            help: ArgumentHelp("Count the current snapshot's deployments dated on or before this day (default: its asOf). --dated-by and --as-of are other names for it.",
                               valueName: "YYYY-MM-DD"))
    var datedBy: String?

    @Option(name: .customLong("known-by"),
            help: ArgumentHelp("Count what had been reported by this day: the deployments of the snapshot current then.",
                               valueName: "YYYY-MM-DD"))
    var knownBy: String?

    @Option(name: .customLong("filter"),
            help: ArgumentHelp("""
                The facets of the `f` menu as facet=value pairs joined by commas, e.g. \
                sector=government,model=DeepSeek,use-case=12345 hotline. Facets: \(FilterSpec.keys.joined(separator: ", ")) \
                (certainty=no-uncertain or exact-dates). A facet given twice selects both values; \
                different facets narrow. Combines with --sector, --status, --body and --exclude-* the same way.
                """, valueName: "SPEC"))
    var filterSpec: String?

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
            throw ValidationError("give --date (or --dated-by, --as-of) or --known-by, not both")
        }
        if let datedBy { _ = try parseDay(datedBy, option: "--date") }
        if let knownBy { _ = try parseDay(knownBy, option: "--known-by") }
        _ = try filter()
    }

    /// The date asked for, if any, and whether it means "known by".
    func date() throws -> (day: Day, knownBy: Bool)? {
        if let knownBy { return (try parseDay(knownBy, option: "--known-by"), true) }
        if let datedBy { return (try parseDay(datedBy, option: "--date"), false) }
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
        var f = Filter(sectors: try parse(sectors, "--sector", Sector.self),
                       statuses: try parse(statuses, "--status", Status.self),
                       bodies: try parse(bodies, "--body", Body.self),
                       excludeUncertain: excludeUncertain, excludeApproximate: excludeApproximate)
        if let filterSpec {
            let spec: Filter
            do { spec = try FilterSpec.parse(filterSpec) } catch { throw ValidationError(error.message) }
            // As if the flags were more pairs of the same --filter: OR within a facet.
            f.sectors.formUnion(spec.sectors); f.statuses.formUnion(spec.statuses); f.bodies.formUnion(spec.bodies)
            f.families.formUnion(spec.families); f.models.formUnion(spec.models); f.useCases.formUnion(spec.useCases)
            f.excludeUncertain = f.excludeUncertain || spec.excludeUncertain
            f.excludeApproximate = f.excludeApproximate || spec.excludeApproximate
            f.text = spec.text
        }
        return f
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
