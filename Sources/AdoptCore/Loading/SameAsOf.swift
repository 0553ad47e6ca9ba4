/// Valid snapshot files that share an `asOf`. The format says every `asOf` differs; when two
/// do not, the path that sorts last is used (as `Store` orders them), and `adopt validate`
/// warns and names it.
public struct SameAsOf: Sendable, Equatable {
    public let asOf: Day
    /// Sorted by path; the last one wins.
    public let files: [String]

    public init(asOf: Day, files: [String]) {
        self.asOf = asOf
        self.files = files.sorted()
    }

    /// The file used for this `asOf`.
    public var winner: String { files[files.count - 1] }
    /// The others, in path order.
    public var losers: [String] { Array(files.dropLast()) }

    /// Every `asOf` held by more than one file, oldest first.
    public static func find(_ files: [(file: String, asOf: Day)]) -> [SameAsOf] {
        Dictionary(grouping: files, by: \.asOf)
            .filter { $0.value.count > 1 }
            .map { SameAsOf(asOf: $0.key, files: $0.value.map(\.file)) }
            .sorted { $0.asOf < $1.asOf }
    }

    /// The warning's message for a losing file.
    public func message(for file: String) -> String {
        "\(asOf) is also the asOf of \(winner), which is used (of files with the same asOf, the path that sorts last wins)"
    }
}
