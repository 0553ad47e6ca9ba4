import AdoptCore
import AdoptUI
import ArgumentParser

extension DumpView: ExpressibleByArgument {}

/// `adopt dump`: one pane (or the whole screen) as plain text, no escape codes, for scripts,
/// slides and golden tests. It is the same drawing code the terminal shows.
struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a pane of the dashboard as plain text (map, table, timeline, region, screen).",
        discussion: """
            VIEW is map (the tile map), table (the province table), timeline (the timeline of \
            --region, or the country), region (the drill-down at --region) or screen (the whole \
            dashboard). --region (a code or a name: guangdong, 深圳), --date or --known-by and \
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

    @Option(help: "Width in columns.")
    var width: Int = 100

    @Option(help: "Height in rows.")
    var height: Int = 30

    func validate() throws {
        _ = try options.singleRegion(command: "adopt dump")
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--width and --height must be between 1 and 1000")
        }
    }

    func run() throws {
        let (store, path, status) = try loadFiguresOrExit(paths: try data.resolvedPaths(), command: "adopt dump",
                                                          allowFallback: fallback.allowFallback)
        var app = App(store: store, dataPath: path, width: width, height: height)
        let filter = try options.filter()
        for w in ViewOptions.unknownValueWarnings(filter, models: store.models, useCases: store.useCases, command: "adopt dump") {
            printError(w)
        }
        for w in try options.apply(to: &app, command: "adopt dump") { printError(w) }
        print(app.renderPane(view, width: width, height: height).text)
        try finish(with: status)
    }
}
