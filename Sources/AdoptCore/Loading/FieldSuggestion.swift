/// "Did you mean `uncertain`?" for an unknown field name that is a near miss of a known one.
///
/// A near miss is at most 2 edits away (insert, delete, replace, or swap two neighbouring
/// characters, so `uncertian` is one edit from `uncertain`), and fewer edits than the name has
/// characters, so `x` is not taken for `id`. The nearest wins; among equals, the one first in
/// alphabetical order, so the hint never depends on the order of a `Set`.
public enum FieldSuggestion {
    public static let maxDistance = 2

    /// The known name closest to `key`, if it is a near miss.
    public static func nearest(to key: String, among known: some Sequence<String>) -> String? {
        let typed = Array(key.unicodeScalars)
        // A hostile 64 KiB key is not compared against anything.
        guard typed.count <= 64 else { return nil }
        var best: (distance: Int, name: String)?
        for name in known {
            let candidate = Array(name.unicodeScalars)
            guard abs(candidate.count - typed.count) <= maxDistance else { continue }
            let d = distance(typed, candidate)
            guard d <= maxDistance, d < typed.count else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && name < best!.name) {
                best = (d, name)
            }
        }
        return best?.name
    }

    /// The warning's tail for an unknown field: `; did you mean `NAME`?`, or nothing.
    static func hint(for key: String, among known: some Sequence<String>) -> String {
        guard let name = nearest(to: key, among: known) else { return "" }
        return "; did you mean `\(name)`?"
    }

    /// The optimal-string-alignment distance: Levenshtein plus the swap of two neighbours.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows: two back (for the swap), the previous and the current.
        var before = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, before[j - 2] + 1)
                }
                row[j] = d
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[b.count]
    }
}
