import ArgumentParser

/// The dashboard's live-reloading options.
///
/// The snapshot paths are watched whatever these say: new, changed and removed files show up
/// within a second, broken ones are listed under `!` while the last good data stays.
struct LiveOptions: ParsableArguments {
    @Option(name: .customLong("stale-after"),
            help: ArgumentHelp("Say STALE in the status bar when the current snapshot's asOf is older than this: 90d, 12h, 30m, 45s (default: never). The data is old.",
                               valueName: "duration"))
    var staleAfter: StaleAfter?

    @Option(name: .customLong("max-silence"),
            help: ArgumentHelp("Say STALE when no snapshot file has changed for this long (same units; default: never). The pipeline stopped writing.",
                               valueName: "duration"))
    var maxSilence: StaleAfter?

    /// The options as if none were given.
    static var defaults: LiveOptions {
        // ArgumentParser types have no usable memberwise init; parsing nothing gives the defaults.
        (try? LiveOptions.parse([]))!
    }
}

/// A `--stale-after` duration: a whole number and a unit, `d` (days), `h`, `m` or `s`.
struct StaleAfter: ExpressibleByArgument, Equatable {
    let seconds: Int64

    init(seconds: Int64) { self.seconds = seconds }

    init?(argument: String) {
        let units: [Character: Int64] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        guard let unit = argument.last.flatMap({ units[$0] }),
              let number = Int64(argument.dropLast()), number > 0,
              number <= Int64.max / unit / 2 else { return nil }
        seconds = number * unit
    }
}
