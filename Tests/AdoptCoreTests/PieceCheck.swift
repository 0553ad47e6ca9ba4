@testable import AdoptCore
import XCTest

/// The parallel reader against the sequential one: the same snapshot (every column of the
/// table, every other field) and the same problems, word for word and in order, whatever the
/// number of pieces. Tiny files are forced to split (`ParseSplit.forced`).
enum PieceCheck {
    static let counts = [2, 3, 5, 8]

    /// Loads `bytes` sequentially, then in each of `counts` pieces; returns the sequential result.
    @discardableResult
    static func load(_ bytes: [UInt8], name: String = "t.json", limits: JSONLimits = JSONLimits(),
                     pieces: [Int] = counts, file: StaticString = #filePath, line: UInt = #line) -> SnapshotLoader.Result {
        let sequential = SnapshotLoader.parse(bytes: bytes, file: name, limits: limits, split: .sequential)
        for n in pieces {
            let parallel = SnapshotLoader.parse(bytes: bytes, file: name, limits: limits, split: .forced(n))
            assertSame(sequential, parallel, "\(n) pieces", file: file, line: line)
        }
        return sequential
    }

    static func assertSame(_ a: SnapshotLoader.Result, _ b: SnapshotLoader.Result, _ what: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.problems.map(\.description), b.problems.map(\.description), what, file: file, line: line)
        XCTAssertEqual(a.problems, b.problems, what, file: file, line: line)
        XCTAssertEqual(a.snapshot == nil, b.snapshot == nil, "\(what): loaded in one, not the other", file: file, line: line)
        guard let x = a.snapshot, let y = b.snapshot else { return }
        if x.deployments != y.deployments {
            XCTFail("\(what): tables differ: \(x.deployments.count) vs \(y.deployments.count) rows; "
                    + "first different row \(String(describing: x.deployments.indices.first { $0 >= y.deployments.count || x.deployments[$0] != y.deployments[$0] }))",
                    file: file, line: line)
        }
        XCTAssertEqual(x.deployments.modelNames.names, y.deployments.modelNames.names, what, file: file, line: line)
        XCTAssertEqual(x.deployments.useCaseNames.names, y.deployments.useCaseNames.names, what, file: file, line: line)
        XCTAssertEqual(x.deployments.sourceIDs.names, y.deployments.sourceIDs.names, what, file: file, line: line)
        XCTAssertTrue(x.file == y.file && x.asOf == y.asOf && x.title == y.title && x.synthetic == y.synthetic
                      && x.sources == y.sources && x.events == y.events && x.claims == y.claims && x.version == y.version,
                      "\(what): the fields outside the table differ", file: file, line: line)
    }
}
