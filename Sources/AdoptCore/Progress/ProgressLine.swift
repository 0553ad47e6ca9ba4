/// The one line that says how a load is going, fitted to a width:
/// `Loading 2025-06-30.json  120 / 250 MB  85 MB/s  ~2 s left`.
///
/// The same words on the loading screen, in the status bar while reloading and on stderr
/// (`validate`, `export`, `dump`, `generate`). Pure: tests give it readings and widths.
/// A narrow line gives up, in this order: the rate, the time left, the verb, the total, and
/// then the file name loses its middle ("2025-…30.json").
public struct ProgressLine: Sendable, Equatable {
    /// What is being done: "Loading", "reloading", "Writing".
    public var verb: String
    /// The file's name (its last path component).
    public var file: String
    public var bytesDone: Int
    public var totalBytes: Int
    /// Seconds since the work began.
    public var elapsed: Double

    public init(verb: String, file: String, bytesDone: Int, totalBytes: Int, elapsed: Double) {
        self.verb = verb
        self.file = ProgressLine.lastComponent(file)
        self.bytesDone = max(0, bytesDone)
        self.totalBytes = max(0, totalBytes)
        self.elapsed = max(0, elapsed)
    }

    public init(verb: String, _ reading: LoadProgress.Reading) {
        self.init(verb: verb, file: reading.file, bytesDone: reading.bytesDone,
                  totalBytes: reading.totalBytes, elapsed: reading.elapsed)
    }

    /// Bytes per second so far; nil until there is enough to go on (a quarter second and
    /// some bytes), so the first frames do not show a wild guess.
    public var rate: Double? {
        guard elapsed >= 0.25, bytesDone > 0 else { return nil }
        return Double(bytesDone) / elapsed
    }

    /// Whole seconds left at the rate so far, rounded up; nil when unknown.
    public var secondsLeft: Int? {
        guard let rate, totalBytes > 0, bytesDone < totalBytes else { return nil }
        return Int((Double(totalBytes - bytesDone) / rate).rounded(.up))
    }

    /// Every byte has been read: what is left is checking and indexing.
    public var isFinishing: Bool { totalBytes > 0 && bytesDone >= totalBytes }

    /// "120 / 250 MB" (one decimal below 10 MB); just "120 MB" when the total is unknown.
    public var amount: String {
        totalBytes > 0 ? "\(Self.megabytes(bytesDone)) / \(Self.megabytes(totalBytes)) MB" : "\(Self.megabytes(bytesDone)) MB"
    }

    /// "120/250 MB", for tight places (the status bar, a narrow line).
    public var compactAmount: String {
        totalBytes > 0 ? "\(Self.megabytes(bytesDone))/\(Self.megabytes(totalBytes)) MB" : amount
    }

    /// The line at most `width` columns wide (ASCII apart from the file name and "…").
    public func text(width: Int) -> String {
        guard width > 0 else { return "" }
        let rateText = rate.map { "\(Self.megabytes(Int($0))) MB/s" }
        let left: String? = isFinishing ? "indexing…" : secondsLeft.map(Self.timeLeft)
        let short = compactAmount
        // From the fullest form down; the first that fits is taken.
        let forms: [(head: [String], figures: [String?])] = [
            ([verb, file], [amount, rateText, left]),
            ([verb, file], [amount, left]),
            ([verb, file], [amount]),
            ([file], [amount]),
            ([file], [short]),
        ]
        for form in forms {
            let line = Self.join(head: form.head, figures: form.figures)
            if Self.columns(line) <= width { return line }
        }
        // The file name loses its middle to keep the figures.
        let room = width - Self.columns(short) - 1
        if room >= 5 { return Self.middle(file, width: room) + " " + short }
        return Self.middle(short, width: width)
    }

    /// "Loading" and its file are one phrase (one space); the figures stand apart (two).
    static func join(head: [String], figures: [String?]) -> String {
        ([head.filter { !$0.isEmpty }.joined(separator: " ")] + figures.compactMap { $0 })
            .filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// Columns: the file name may hold any character, each counted as one (a wide one is
    /// cut by the grid, never split).
    static func columns(_ s: String) -> Int { s.count }

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_000_000
        if mb < 10 {
            let tenths = Int((mb * 10).rounded(.down))
            return "\(tenths / 10).\(tenths % 10)"
        }
        return String(Int(mb.rounded(.down)))
    }

    static func timeLeft(_ seconds: Int) -> String {
        if seconds < 90 { return "~\(seconds) s left" }
        return "~\((seconds + 59) / 60) min left"
    }

    /// `text` cut to `width` characters with "…" in the middle.
    static func middle(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(max(0, width))) }
        let keep = width - 1
        let head = (keep + 1) / 2, tail = keep - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        let name = path[path.index(after: slash)...]
        return name.isEmpty ? path : String(name)
    }
}
