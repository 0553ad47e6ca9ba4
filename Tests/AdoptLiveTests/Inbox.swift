import Foundation
import XCTest

/// Collects what a background callback delivers and lets a test wait, with an
/// `XCTestExpectation`, for the first delivery that satisfies a condition.
final class Inbox<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item] = []
    private var waiters: [(test: (Item) -> Bool, expectation: XCTestExpectation, found: Box)] = []

    final class Box: @unchecked Sendable { var item: Item? }

    func receive(_ item: Item) {
        lock.lock()
        defer { lock.unlock() }
        items.append(item)
        waiters.removeAll { w in
            guard w.test(item) else { return false }
            w.found.item = item
            w.expectation.fulfill()
            return true
        }
    }

    var all: [Item] { lock.withLock { items } }

    /// Waits for the first item delivered from now on that passes `test`; nil on timeout
    /// (which also fails the test).
    func next(_ description: String, timeout: TimeInterval = 5, in test: XCTestCase,
              where condition: @escaping (Item) -> Bool = { _ in true },
              after action: () throws -> Void) rethrows -> Item? {
        let expectation = XCTestExpectation(description: description)
        let found = Box()
        lock.withLock { waiters.append((condition, expectation, found)) }
        try action()
        test.wait(for: [expectation], timeout: timeout)
        return found.item
    }
}

/// Files written the ways writers write them.
enum Write {
    static func whole(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Writes a hidden temporary file next to `path`, then renames it over `path`.
    static func renamedIntoPlace(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(".incoming-\(UUID().uuidString).tmp")
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func bytes(of path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("adopt-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
