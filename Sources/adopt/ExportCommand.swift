import AdoptCore
import ArgumentParser

/// `adopt export`: the figures behind the screen as CSV or JSON, for spreadsheets and scripts:
/// counts per child region (the default), one row per deployment, a breakdown by a facet, or
/// the cumulative series of several regions.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print counts per child region, deployments, a breakdown or a series as CSV or JSON.",
        discussion: """
            By default: one row per child of --region (scope "subtree": the child and everything \
            below it), then one row for the deployments recorded at the region itself (scope \
            "own"), so the rows add up to the region. A county prints its own row. \
            firm_deployments leaves out records marked uncertain.

            --deployments: one row per deployment in the region (and below it) at the date under \
            the filter, oldest first: id, region code, the code and the Chinese and English names \
            at each level (province, prefecture, county; empty above the deployment's own level), \
            organization, body, date, date_approximate, status, sector, models, model_families, \
            use_cases, uncertain, note and its sources. In CSV, the cells holding several values \
            (models, model_families, use_cases) join them with "; ", and the sources fill four \
            columns (source_publishers, source_titles, source_dates, source_urls) joined with \
            " | " in the same order; in JSON these are arrays, the sources an array of objects. \
            It streams: a million rows need no more memory than a hundred.

            --by FACET (model, model-family, use-case, sector, status, body): \
            value,deployments,share, most deployments first, then "(not stated)" for deployments with no value. \
            share is deployments over all the deployments matching in the region at the date; a \
            deployment naming two models or use cases counts under each, so for model, \
            model-family and use-case the shares can add up to more than 1.

            --series: date,CODE,CODE,... with the cumulative count of each --region \
            (comma-separated codes or names; the header cells are the codes, in the order given) at the \
            end of every --every period (default month) from the period of the first deployment \
            in the data through the date, which is the last row.

            CSV follows RFC 4180 and is safe to open in a spreadsheet: a cell that would start \
            with =, +, -, @, a tab or a carriage return gets a leading ' (OWASP's advice on CSV \
            injection), so it is shown, never run.

            --date (also --dated-by, --as-of; default the current snapshot's asOf) counts the \
            current snapshot's deployments dated by that day; --known-by counts what the snapshot \
            current on that day held. --filter and the facet flags narrow every mode; a model, \
            family or use case in --filter that no deployment has is warned about on stderr. The \
            figures are printed also when the exit status is 3.

            \(exitStatusHelp(validate: false))
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @OptionGroup var data: DataOptions

    @OptionGroup var options: ViewOptions

    @OptionGroup var fallback: FallbackOptions

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @Flag(help: "One row per deployment, with its region's names at each level and its sources.")
    var deployments = false

    @Option(help: ArgumentHelp("Count by this facet: \(Facet.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "FACET"))
    var by: Facet?

    @Flag(help: "The cumulative count of each --region (comma-separated) per period.")
    var series = false

    @Option(help: "With --series: the period of each row: day, week or month.")
    var every: Period = .month

    func validate() throws {
        let modes = [deployments, by != nil, series].filter { $0 }.count
        guard modes <= 1 else { throw ValidationError("give one of --deployments, --by and --series") }
        if series {
            guard !options.regionPieces.isEmpty else {
                throw ValidationError("--series needs --region with one or more regions, e.g. --region guangdong,shandong")
            }
            _ = try options.regions()
        } else {
            _ = try options.singleRegion(command: "adopt export")
        }
    }

    func run() throws {
        let (loaded, _, status) = try loadFiguresOrExit(paths: try data.resolvedPaths(), command: "adopt export",
                                                        allowFallback: fallback.allowFallback)
        let (store, day, _) = try options.counting.resolve(loaded, command: "export")
        let filter = try options.filter()
        for w in ViewOptions.unknownValueWarnings(filter, models: store.models, useCases: store.useCases, command: "adopt export") {
            printError(w)
        }
        var out = StandardOutput()
        if series {
            let table = SeriesExport(store: store, regions: try options.regions(), every: every, through: day, filter: filter)
            out.write(format == .csv ? table.csv : table.json)
        } else {
            let region = try options.singleRegion(command: "adopt export")
            if deployments {
                let rows = DeploymentExport(store: store, region: region, at: day, filter: filter)
                if format == .csv { rows.writeCSV(to: &out) } else { rows.writeJSON(to: &out) }
            } else if let by {
                let table = BreakdownExport(store: store, facet: by, region: region, at: day, filter: filter)
                out.write(format == .csv ? table.csv : table.json)
            } else {
                let table = RegionExport(store: store, region: region, at: day, filter: filter)
                out.write(format == .csv ? table.csv : table.json)
            }
        }
        out.flush()
        try finish(with: status)
    }
}

extension Facet: ExpressibleByArgument {}
extension Period: ExpressibleByArgument {}
