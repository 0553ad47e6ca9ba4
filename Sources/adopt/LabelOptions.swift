import AdoptUI
import ArgumentParser

extension LabelMode: ExpressibleByArgument {}

/// `--labels`: the names on the map's tiles, for the dashboard and `dump` (`L` cycles them on
/// screen). Without it the map fits the width (`auto`).
struct LabelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Names on the map's tiles: zh (广东), en (Guangdong), both (广东 Guangdong), abbr (GD, \
        the ISO 3166-2:CN letters) or auto (the default: both or English where they fit, else \
        the letters). A tile too small for the names falls back (both → en → zh → abbr) and \
        never drops its count.
        """, valueName: "MODE"))
    var labels: LabelMode?

    func apply(to app: inout App) {
        if let labels { app.setLabels(labels) }
    }
}
