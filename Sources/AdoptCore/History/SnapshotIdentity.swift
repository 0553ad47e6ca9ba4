/// Which snapshot a diff side is: the file it came from and the day it speaks for.
///
/// A diff keeps only this, not the snapshot itself, so a diff can outlive a reload that
/// replaces the snapshot without holding its deployments in memory.
public struct SnapshotIdentity: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let file: String
    public let asOf: Day

    public init(file: String, asOf: Day) {
        self.file = file; self.asOf = asOf
    }

    public init(_ snapshot: Snapshot) {
        self.init(file: snapshot.file, asOf: snapshot.asOf)
    }

    /// `2025-03-10 (Data/2025-03-10.json)`.
    public var description: String { "\(asOf) (\(file))" }
}
