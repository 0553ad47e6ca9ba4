/// What a view shows, as the command-line options that reproduce it: the region, the date
/// and how it counts, the filter, and (for the dashboard) the pane. The dashboard shows it
/// for notes and slides; `dump` and `export` take the same options, so a figure seen on
/// screen can be fetched by a script.
public struct ViewSpec: Equatable, Sendable {
    public var region: RegionCode = .country
    /// Nil: the current snapshot's date.
    public var date: Day?
    /// The date means "known by" rather than "dated by".
    public var knownBy = false
    public var filter = Filter()
    /// The dashboard's pane (`--view map|table|breakdown`); nil for the default.
    public var view: String?
    /// Snapshot paths as the user gave them; empty for the shipped data.
    public var paths: [String] = []

    public init(region: RegionCode = .country, date: Day? = nil, knownBy: Bool = false, filter: Filter = Filter(),
                view: String? = nil, paths: [String] = []) {
        self.region = region; self.date = date; self.knownBy = knownBy; self.filter = filter
        self.view = view; self.paths = paths
    }

    /// The arguments after the program name, e.g. `["--region", "440300", "--filter",
    /// "sector=government"]`; `command` (dump, export) comes first when given.
    public func arguments(command: [String] = []) -> [String] {
        var out = command
        if region != .country { out += ["--region", region.description] }
        if let date { out += [knownBy ? "--known-by" : "--date", date.description] }
        let f = FilterSpec.format(filter)
        if !f.isEmpty { out += ["--filter", f] }
        if let view, command.isEmpty { out += ["--view", view] }
        return out + paths
    }

    /// The whole command, quoted for a POSIX shell.
    public func commandLine(program: String = "adopt", command: [String] = []) -> String {
        ([program] + arguments(command: command)).map(ViewSpec.shellQuoted).joined(separator: " ")
    }

    /// A word as a shell reads it back: bare when it holds only safe characters, else in
    /// single quotes (a single quote written as '\'').
    public static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || ("0"..."9").contains(u) || "-_./:=,@%+".unicodeScalars.contains(u)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrencesOfQuote() + "'"
    }
}

extension String {
    fileprivate func replacingOccurrencesOfQuote() -> String {
        var out = ""
        for c in self { if c == "'" { out += "'\\''" } else { out.append(c) } }
        return out
    }
}
