import AdoptCore
import AdoptUI
import ArgumentParser

/// The view options the dashboard, `dump` and `export` share, so a view seen on screen can be
/// named, reopened and fetched by a script with the same words (`ViewSpec` writes them):
/// `--region`, `--date` / `--known-by`, `--filter` and the older facet flags.
/// (`--view`, the dashboard's pane, is the dashboard's own option.)
struct ViewOptions: ParsableArguments {
    @OptionGroup var counting: CountingOptions

    @Option(help: ArgumentHelp("""
        The region: a six-digit GB/T 2260 code (000000: the whole country), or a name in \
        Chinese, pinyin or English (guangdong, 深圳, "Xi'an"); case, spaces and apostrophes \
        are ignored, and a name shared by several regions asks for the code.
        """, valueName: "REGION"))
    var region: String?

    func validate() throws {
        for piece in regionPieces { _ = try resolveRegion(piece) }
    }

    /// `--region` split at commas (`export --series` takes several).
    var regionPieces: [String] {
        guard let region else { return [] }
        return region.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// The one region asked for (the country when none); several are bad usage here.
    func singleRegion(command: String) throws -> RegionCode {
        let pieces = regionPieces
        guard pieces.count <= 1 else {
            throw ValidationError("\(command): --region takes one region here (several, comma-separated, only with export --series)")
        }
        return try pieces.first.map(resolveRegion) ?? .country
    }

    /// The regions asked for, in order; duplicates are bad usage (a series has one column each).
    func regions() throws -> [RegionCode] {
        var out: [RegionCode] = []
        for piece in regionPieces {
            let code = try resolveRegion(piece)
            guard !out.contains(code) else { throw ValidationError("--region names \(code) twice (\"\(piece)\")") }
            out.append(code)
        }
        return out
    }

    private func resolveRegion(_ text: String) throws -> RegionCode {
        do { return try RegionQuery.resolve(text, in: .shared) } catch { throw ValidationError(error.message) }
    }

    func filter() throws -> Filter { try counting.filter() }

    /// Applies the region, date and filter to a dashboard state (what `dump` prints and the
    /// dashboard opens at); returns the warnings for stderr (a date outside the data).
    func apply(to app: inout App, command: String) throws -> [String] {
        var warnings: [String] = []
        app.setFilter(try filter())
        if let (wanted, knownBy) = try counting.date() {
            if knownBy { app.setCountingMode(.knownBy) }
            let used = app.setDate(wanted)
            if used != wanted {
                let option = knownBy ? "--known-by" : "--date"
                warnings.append("\(command): \(option) \(wanted) is outside \(app.dateRange.lowerBound)…\(app.dateRange.upperBound); showing \(used)")
            }
        }
        if region != nil { app.jump(to: try singleRegion(command: command)) }
        return warnings
    }

    /// Warnings for --filter values of open vocabularies (models, families, use cases) that
    /// no deployment in the data has: not an error (a later snapshot may have them), but a
    /// typo would otherwise silently give zero everywhere.
    static func unknownValueWarnings(_ filter: Filter, models: [String], useCases: [String], command: String) -> [String] {
        let families = Array(Set(models.map { ModelFamily.of($0).name })).sorted()
        func check(_ key: String, _ wanted: Set<String>, _ known: [String]) -> [String] {
            let present = Set(known)
            return wanted.sorted().filter { !present.contains($0) }.map { value in
                let list = known.prefix(40).joined(separator: ", ") + (known.count > 40 ? ", … (\(known.count) in all)" : "")
                return "\(command): warning: --filter \(key)=\(value) occurs in no deployment of the data; known: \(known.isEmpty ? "none" : list)"
            }
        }
        return check("model-family", filter.families, families) + check("model", filter.models, models.sorted())
            + check("use-case", filter.useCases, useCases.sorted())
    }
}
