import AdoptCore

/// The name lines of one map tile for a label mode: the first of the mode's forms (its own,
/// then its fallbacks) whose every line fits whole in the room the tile leaves for it. Names
/// are wrapped at spaces ("Inner / Mongolia") but never cut.
enum TileLabel {
    /// The lines to draw, top down, or none when not even the letters fit.
    ///
    /// - Parameters:
    ///   - rows: how many rows the label may take.
    ///   - width: the columns free on each of those rows (the last may be shared with the
    ///     count, so it can be narrower).
    ///   - tight: columns more on a row that the letters may use: "GD16" with no space between
    ///     letters and digits still reads, where "广东16" would not.
    ///   - suffix: appended to the last line (presentation's " ?" for an uncertain count).
    static func lines(for region: Region, mode: LabelMode, rows: Int, width: (Int) -> Int,
                      tight: (Int) -> Int = { _ in 0 }, suffix: String = "") -> [String] {
        guard rows > 0 else { return [] }
        for form in mode.fallbacks {
            for candidate in forms(of: region, form) where !candidate.isEmpty && candidate.count <= rows {
                var lines = candidate
                lines[lines.count - 1] += suffix
                let extra = form == .abbr ? tight : { _ in 0 }
                if lines.indices.allSatisfy({ DisplayWidth.of(lines[$0]) <= width($0) + extra($0) }) { return lines }
            }
        }
        return []
    }

    /// On a map where fewer than half the tiles have room for a name, `auto` puts the letters
    /// on all of them: a scatter of names among letters reads as noise. `named` says whether
    /// a tile shows a name in `auto` (what it shows differs from the letters alone).
    static func resolve(_ mode: LabelMode, tiles: Int, named: () -> Int) -> LabelMode {
        guard mode == .auto, tiles > 0 else { return mode }
        return named() * 2 < tiles ? .abbr : .auto
    }

    /// The ways to write a region in one mode.
    static func forms(of region: Region, _ mode: LabelMode) -> [[String]] {
        let zh = region.shortName, en = region.english
        let words = en.split(separator: " ").map(String.init)
        switch mode {
        case .zh: return [[zh]]
        case .en: return words.count > 1 ? [[en], words] : [[en]]
        // Stacked first, so a map's tiles read alike (广东 over Guangdong); one line where the
        // tile has a single row for names.
        case .both: return [[zh, en]] + (words.count > 1 ? [[zh] + words] : []) + [[zh + " " + en]]
        case .abbr: return region.abbreviation.map { [[$0]] } ?? []
        case .auto: return forms(of: region, .both)
        }
    }
}
