import Foundation

/// Into how many pieces a snapshot's `deployments` array is cut so that every core decodes one.
///
/// Why a value and not a constant: the result must not depend on it (tests force many pieces
/// on tiny files and compare with the sequential path), and the benchmark needs the
/// sequential path as its baseline in the same run.
public struct ParseSplit: Sendable, Equatable {
    /// Pieces for a large file (1 = the sequential path).
    public var pieces: Int
    /// Files smaller than this are read sequentially: below a few MB, starting threads costs
    /// more than a second core saves.
    public var minimumBytes: Int

    public init(pieces: Int, minimumBytes: Int = ParseSplit.defaultMinimumBytes) {
        self.pieces = max(1, pieces)
        self.minimumBytes = max(0, minimumBytes)
    }

    public static let defaultMinimumBytes = 8 << 20

    /// One piece: the reader as it was before it used more than one core.
    public static let sequential = ParseSplit(pieces: 1)

    /// Always `n` pieces, whatever the size (tests: tiny hostile files split too).
    public static func forced(_ n: Int) -> ParseSplit { ParseSplit(pieces: n, minimumBytes: 0) }

    /// One piece per active core, from 8 MB up. `ADOPT_PARSE=sequential` reads on one core
    /// (a baseline, or a machine that should keep a core free); `ADOPT_PARSE=N` always cuts
    /// N pieces, whatever the size, so end-to-end tests can compare the two on small files.
    public static let automatic: ParseSplit = {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        switch ProcessInfo.processInfo.environment["ADOPT_PARSE"] {
        case "sequential"?: return .sequential
        case let s? where Int(s) != nil: return .forced(Int(s)!)
        default: return ParseSplit(pieces: min(cores, 16))
        }
    }()

    /// The pieces for a file of `bytes` bytes.
    func pieces(forBytes bytes: Int) -> Int { bytes >= minimumBytes ? pieces : 1 }
}
