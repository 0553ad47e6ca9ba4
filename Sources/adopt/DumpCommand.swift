import Foundation
import AdoptCore
import AdoptUI
import ArgumentParser

extension DumpView: ExpressibleByArgument {}

/// `adopt dump`: one pane (or the whole screen) as plain text, no escape codes, for scripts,
/// slides and golden tests. It is the same drawing code the terminal shows.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a pane of the dashboard as plain text (map, table, timeline, region, breakdown, screen, presentation).",
        discussion: """
            VIEW is map (the tile map), table (the province table), timeline (the timeline of \
            --region, or the country), region (the drill-down at --region), breakdown (--region's \
            deployments by model family, model, use case, sector, status and body), screen (the whole \
            dashboard) or presentation (presentation mode's screen, `p`; with --tour FILE, at --step N). \
            --labels sets the names on the map's tiles. --region (a code or a name: guangdong, 深圳), --date or --known-by and \
            --filter set the view as the dashboard's same options do, so the figures match \
            `adopt export` given the same options. Trailing spaces are trimmed; wide (Chinese) characters take two columns. \
            The pane is printed also when the exit status is 3.

            \(exitStatusHelp(validate: false))
            """)

    @Argument(help: "What to print: \(DumpView.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: DumpView

    @OptionGroup var data: DataOptions

    /// --region (to select and drill into), --date / --known-by, --filter: as the dashboard.
    @OptionGroup var options: ViewOptions

    @OptionGroup var fallback: FallbackOptions

    /// --labels: the names on the map's tiles (map, screen, presentation).
    @OptionGroup var labels: LabelOptions

    @Option(help: ArgumentHelp("""
        timeline: compare these regions on one axis (up to \(Pins.limit), comma-separated; \
        six-digit codes or names in Chinese, pinyin or English: 440000,shandong,深圳).
        """, valueName: "REGIONS"))
    var compare: String?

    @Flag(help: "timeline: cumulative counts (the default with --compare).")
    var cumulative = false

    @Flag(name: .customLong("per-period"), help: "timeline: what each period added (the default without --compare).")
    var perPeriod = false

    @Option(help: ArgumentHelp("presentation, screen: the tour to show (see the dashboard's --tour).", valueName: "FILE"))
    var tour: String?

    @Option(help: "With --tour: the step to show, from 1 (default 1).")
    var step: Int?

    @Flag(name: .customLong("no-color"), help: ArgumentHelp("""
        map, screen, presentation: draw the map's shades as characters (· ░ ▒ ▓ █ from the lowest bin to the top) \
        in the tiles' empty cells and the legend, as the dashboard does without colour. Also when \
        NO_COLOR is set.
        """))
    var noColor = false

    @Option(help: "Width in columns.")
    var width: Int = 100

    @Option(help: "Height in rows.")
    var height: Int = 30

    func validate() throws {
        _ = try options.singleRegion(command: "adopt dump")
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--width and --height must be between 1 and 1000")
        }
        if cumulative && perPeriod { throw ValidationError("give --cumulative or --per-period, not both") }
        if (compare != nil || cumulative || perPeriod) && view != .timeline && view != .screen {
            throw ValidationError("--compare, --cumulative and --per-period apply to the timeline (dump timeline or dump screen)")
        }
        if let compare { _ = try Dump.parseCompare(compare) }
        if tour != nil && view != .presentation && view != .screen {
            throw ValidationError("--tour applies to the whole screen (dump presentation or dump screen)")
        }
        if step != nil && tour == nil { throw ValidationError("--step needs --tour") }
    }

    /// The regions of `--compare`, in order, each once: codes or names (RegionQuery).
    static func parseCompare(_ text: String) throws -> [RegionCode] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("--compare: give one or more regions, comma-separated") }
        var codes: [RegionCode] = []
        for name in names {
            let code: RegionCode
            do { code = try RegionQuery.resolve(name, in: Gazetteer.shared) } catch {
                throw ValidationError("--compare: " + error.message.replacingOccurrences(of: "--region ", with: ""))
            }
            if !codes.contains(code) { codes.append(code) }
        }
        guard codes.count <= Pins.limit else {
            throw ValidationError("--compare: at most \(Pins.limit) regions, got \(codes.count)")
        }
        return codes
    }

    func run() throws {
        let (store, path, status) = try loadFiguresOrExit(paths: try data.resolvedPaths(), command: "adopt dump",
                                                          allowFallback: fallback.allowFallback)
        var app = App(store: store, dataPath: path, width: width, height: height)
        // What the dashboard would show on a terminal without colour (https://no-color.org).
        app.shading = noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let filter = try options.filter()
        for w in ViewOptions.unknownValueWarnings(filter, models: store.models, useCases: store.useCases, command: "adopt dump") {
            printError(w)
        }
        for w in try options.apply(to: &app, command: "adopt dump") { printError(w) }
        labels.apply(to: &app)
        if let compare { app.setPins(try Dump.parseCompare(compare)) }
        if cumulative { app.setTimelineCumulative(true) }
        if perPeriod { app.setTimelineCumulative(false) }
        if let path = tour {
            let tour = try loadTourOrExit(path)
            let number = step ?? 1
            guard (1...tour.steps.count).contains(number) else {
                throw ValidationError("--step \(number): \(path) has steps 1 to \(tour.steps.count)")
            }
            app.startTour(tour, presenting: view == .presentation)
            app.showStep(number - 1)
        }
        print(app.renderPane(view, width: width, height: height).text)
        try finish(with: status)
    }
}
