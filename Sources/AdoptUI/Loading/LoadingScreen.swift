import AdoptCore

/// The screen while the first data is read: which file, how much of it, how fast, how long
/// still (`ProgressLine`), a bar, and how to quit. `q`, Esc and Ctrl-C quit; a resize simply
/// draws the next frame at the new size.
public struct LoadingScreen: RunnableScreen, Sendable {
    /// The paths as opened, said before the first file begins.
    public var dataPath: String
    /// The progress at the last tick; nil before the load has said anything.
    public var reading: LoadProgress.Reading?
    /// The load has ended: the run loop hands over to the dashboard.
    public var finished = false
    /// Its frames show progress, not the data.
    public var showsData: Bool { false }

    public init(dataPath: String, reading: LoadProgress.Reading? = nil) {
        self.dataPath = dataPath
        self.reading = reading
    }

    public mutating func handle(_ key: Key) -> Effect {
        switch key {
        case .character("q"), .character("Q"), .control("c"), .escape: return .quit
        default: return .none
        }
    }

    /// The progress line as shown, `width` columns at most.
    public func line(width: Int) -> String {
        guard let reading, !reading.file.isEmpty else {
            return TextLayout.clip("Loading \(dataPath)…", width: width)
        }
        return ProgressLine(verb: "Loading", reading).text(width: width)
    }

    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width > 0, height > 0 else { return grid }
        let margin = width >= 24 ? 2 : 0
        let inner = width - 2 * margin
        let hint = "q quits"
        // Tiny screens: the line alone, at the top.
        guard height >= 4 else {
            grid.put(line(width: inner), row: 0, column: margin, style: Theme.title)
            return grid
        }
        let top = max(0, height / 2 - 1)
        grid.put(line(width: inner), row: top, column: margin, style: Theme.title)
        let barWidth = min(inner, 60)
        if let reading, reading.totalBytes > 0, barWidth >= 4 {
            let filled = min(barWidth, Int(Double(barWidth) * Double(reading.bytesDone) / Double(reading.totalBytes)))
            grid.put(String(repeating: "█", count: filled), row: top + 1, column: margin, style: Theme.borderFocused)
            grid.put(String(repeating: "░", count: barWidth - filled), row: top + 1, column: margin + filled, style: Theme.dim)
        }
        grid.put(hint, row: height - 1, column: margin, style: Theme.dim, limit: inner)
        return grid
    }
}
