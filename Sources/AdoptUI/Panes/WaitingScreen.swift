/// What the dashboard shows while no snapshot file is valid yet (a wall display started before
/// the pipeline's first write, or a directory whose only file is half-written): it keeps
/// watching and the first valid file replaces this screen; `!` lists each problem, `q` quits.
public struct WaitingScreen: Sendable {
    public let path: String
    public let problems: Int

    public init(path: String, problems: Int) { self.path = path; self.problems = problems }

    func lines() -> [String] {
        var out = ["waiting for a valid snapshot in \(path)",
                   "watching: the first valid *.json file appears here at once"]
        if problems > 0 { out.append("\(problems) problem\(problems == 1 ? "" : "s") so far: ! lists them") }
        out.append("q quits")
        return out
    }

    public func draw(into grid: inout Grid, rows: Int) {
        let shown = lines()
        let top = max(0, (rows - shown.count) / 2)
        for (i, line) in shown.enumerated() where top + i < rows {
            let text = TextLayout.clip(line, width: grid.width)
            let left = max(0, (grid.width - DisplayWidth.of(text)) / 2)
            grid.put(text, row: top + i, column: left, style: i == 0 ? Theme.warning : Theme.text)
        }
    }
}
