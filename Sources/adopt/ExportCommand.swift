import AdoptCore
import ArgumentParser

/// `adopt export`: the counts per child region as CSV or JSON, for spreadsheets and scripts.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print deployment counts per child region (provinces by default) as CSV or JSON.",
        discussion: """
            One row per child of --region (scope "subtree": the child and everything below it), then \
            one row for the deployments recorded at the region itself (scope "own"), so the rows add \
            up to the region. A county prints its own row. firm_deployments leaves out records \
            marked uncertain. --known-by counts what the snapshot current on that day held; \
            --dated-by (the default, at the current snapshot's asOf) counts the current snapshot's \
            deployments dated by that day. The figures are printed also when the exit status is 3.

            \(exitStatusHelp(validate: false))
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var data: DataOptions

    @OptionGroup var counting: CountingOptions

    @OptionGroup var fallback: FallbackOptions

    @Option(help: "List the children of this region (default 000000, the country: one row per province).")
    var region: String = "000000"

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    func validate() throws {
        _ = try parseRegion(region)
    }

    func run() throws {
        let (loaded, _, status) = try loadFiguresOrExit(paths: try data.resolvedPaths(), command: "adopt export",
                                                        allowFallback: fallback.allowFallback)
        let (store, day, _) = try counting.resolve(loaded, command: "export")
        let table = RegionExport(store: store, region: try parseRegion(region), at: day, filter: try counting.filter())
        print(format == .csv ? table.csv : table.json, terminator: "")
        try finish(with: status)
    }
}
