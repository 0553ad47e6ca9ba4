import AdoptCore
import ArgumentParser

/// `adopt export`: the counts per child region as CSV or JSON, for spreadsheets and scripts.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print deployment counts per child region (provinces by default) as CSV or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("as-of"), help: "Count deployments dated on or before this day (default: the current snapshot's asOf).")
    var asOf: String?

    @Option(help: "List the children of this region (default 000000, the country: one row per province).")
    var region: String = "000000"

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    func validate() throws {
        if let asOf { _ = try parseDay(asOf, option: "--as-of") }
        _ = try parseRegion(region)
    }

    func run() throws {
        let (store, _) = try loadStoreOrExit(paths: try data.resolvedPaths())
        let day = try asOf.map { try parseDay($0, option: "--as-of") } ?? store.current.asOf
        let table = RegionExport(store: store, region: try parseRegion(region), at: day)
        print(format == .csv ? table.csv : table.json, terminator: "")
    }
}
