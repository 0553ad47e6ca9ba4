/// A stretch of one row whose cells link to one URL: what the terminal wraps in an OSC 8
/// hyperlink. A URL wrapped over three lines is three runs with the same `url`.
public struct LinkRun: Equatable, Sendable {
    public var row: Int
    public var column: Int
    /// Columns covered (a wide character counts two).
    public var width: Int
    public var url: String
    /// Index into `Grid.links`: the same for every run of one URL, so the terminal can give
    /// them one OSC 8 `id` and hovering one line highlights them all.
    public var index: Int

    public init(row: Int, column: Int, width: Int, url: String, index: Int) {
        self.row = row; self.column = column; self.width = width; self.url = url; self.index = index
    }
}

extension Grid {
    /// Every linked stretch, row by row, left to right.
    public var linkRuns: [LinkRun] {
        guard !links.isEmpty else { return [] }
        var runs: [LinkRun] = []
        for row in 0..<height {
            var column = 0
            while column < width {
                guard let index = linkIndex(row: row, column: column) else { column += 1; continue }
                var end = column + 1
                while end < width, linkIndex(row: row, column: end) == index { end += 1 }
                runs.append(LinkRun(row: row, column: column, width: end - column,
                                    url: links[index], index: index))
                column = end
            }
        }
        return runs
    }
}
