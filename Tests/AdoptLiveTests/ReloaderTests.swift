import AdoptCore
import AdoptLive
import Foundation
import XCTest

/// A reloader over a real temporary directory: files written, broken, fixed, renamed into
/// place and deleted, with the kernel's notifications and with the polling fallback.
final class ReloaderTests: XCTestCase {
    /// The repository's Data/, found from this file so the tests run from any clone.
    private static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data").path
    private var directory = ""
    private var reloader: Reloader?
    private let inbox = Inbox<LiveState>()

    override func setUpWithError() throws {
        directory = try Write.temporaryDirectory()
    }

    override func tearDown() {
        reloader?.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func source(_ name: String) -> String { (ReloaderTests.data as NSString).appendingPathComponent(name) }
    private func target(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
    private func count(_ name: String) -> Int { SnapshotLoader.load(file: source(name)).snapshot!.deployments.count }

    /// Starts a reloader over the empty directory and waits for its first (empty) state.
    private func start(polling: Bool) throws {
        let inbox = self.inbox
        let reloader = Reloader(paths: [directory]) { inbox.receive($0) }
        self.reloader = reloader
        let first = try inbox.next("first load", in: self) { try reloader.start(polling: polling) }
        XCTAssertEqual(first?.isEmpty, true)
        XCTAssertEqual(first?.problems.map(\.message), ["no snapshot files (*.json) in this directory"])
        XCTAssertEqual(reloader.usesNotifications, !polling)
    }

    func testGoodBrokenFixedRemovedWithNotifications() throws {
        try start(polling: false)
        try goodBrokenFixedRemoved()
    }

    func testGoodBrokenFixedRemovedByPolling() throws {
        try start(polling: true)
        try goodBrokenFixedRemoved()
    }

    private func goodBrokenFixedRemoved() throws {
        let file = target("2025-03-10.json")
        let march10 = count("2025-03-10.json"), march31 = count("2025-03-31.json")
        XCTAssertGreaterThan(march10, 0)
        XCTAssertGreaterThan(march31, march10, "the later snapshot tracks more")

        // A good file appears.
        let began = Date()
        let good = try inbox.next("good file loaded", timeout: 2, in: self, where: { !$0.isEmpty }) {
            try Write.whole(Write.bytes(of: source("2025-03-10.json")), to: file)
        }
        print("reload after a write: \(Int(Date().timeIntervalSince(began) * 1000)) ms")
        XCTAssertEqual(good?.store.current.deployments.count, march10)
        XCTAssertEqual(good?.problems, [])
        XCTAssertEqual(good?.files, [file])

        // The file is being replaced by a newer version, and only half of it is there yet.
        let newer = try Write.bytes(of: source("2025-03-31.json"))
        let half = Array(newer.prefix(newer.count / 2))
        let broken = try inbox.next("half-written file reported", in: self, where: { $0.hasErrors }) {
            try Write.whole(half, to: file)
        }
        XCTAssertEqual(broken?.store.current.deployments.count, march10, "the last good data stays")
        XCTAssertEqual(broken?.staleFiles, [file])
        // The cut falls on the file's last line; the problem is located there, as the loader
        // locates it for those bytes (the reloader passes it through unchanged).
        let lines = half.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let problem = try XCTUnwrap(broken?.problems.first)
        XCTAssertEqual(problem.file, file)
        XCTAssertEqual(problem.line, lines)
        XCTAssertGreaterThan(problem.column, 0)
        XCTAssertEqual(problem.severity, .error)
        XCTAssertEqual(problem, SnapshotLoader.parse(bytes: half, file: file).problems.first)
        XCTAssertEqual(broken?.problems.last?.severity, .warning)
        XCTAssertTrue(broken?.problems.last?.message.hasPrefix("showing the last good version loaded at ") ?? false)

        // The writer finishes: the new version replaces the old in one step.
        let fixed = try inbox.next("fixed file loaded", in: self, where: { !$0.hasErrors }) {
            try Write.whole(newer, to: file)
        }
        XCTAssertEqual(fixed?.store.current.deployments.count, march31)
        XCTAssertEqual(fixed?.store.current.asOf, Day("2025-03-31"))
        XCTAssertEqual(fixed?.problems, [])
        XCTAssertEqual(fixed?.refreshDiff?.added.count, march31 - march10 + (fixed?.refreshDiff?.removed.count ?? 0))
        XCTAssertFalse(fixed?.changedRegions.isEmpty ?? true)

        // It is deleted.
        let gone = try inbox.next("deleted file dropped", in: self, where: { $0.isEmpty }) {
            try FileManager.default.removeItem(atPath: file)
        }
        XCTAssertEqual(gone?.files, [])
        XCTAssertEqual(gone?.snapshotsByFile.count, 0)
        XCTAssertEqual(gone?.store.current.deployments.count, 0)
    }

    func testRenameIntoPlaceWithNotifications() throws {
        try start(polling: false)
        try renameIntoPlace()
    }

    func testRenameIntoPlaceByPolling() throws {
        try start(polling: true)
        try renameIntoPlace()
    }

    private func renameIntoPlace() throws {
        let file = target("2025-02-18.json")
        let loaded = try inbox.next("renamed file loaded", in: self, where: { !$0.isEmpty }) {
            try Write.renamedIntoPlace(Write.bytes(of: source("2025-02-18.json")), to: file)
        }
        XCTAssertEqual(loaded?.store.current.deployments.count, count("2025-02-18.json"))
        XCTAssertEqual(loaded?.files, [file], "the temporary file is never a snapshot file")

        // Replaced again by rename with a newer version: the newer one is current.
        let replaced = try inbox.next("replacement loaded", in: self,
                                      where: { $0.store.current.asOf == Day("2025-03-10") }) {
            try Write.renamedIntoPlace(Write.bytes(of: source("2025-03-10.json")), to: file)
        }
        XCTAssertEqual(replaced?.store.current.deployments.count, count("2025-03-10.json"))
        XCTAssertEqual(replaced?.problems, [])
    }

    func testReloadNowDeliversAStateWithoutAnyChange() throws {
        try start(polling: false)
        let before = try XCTUnwrap(reloader?.state)
        let after = inbox.next("reloaded on request", in: self) { reloader?.reloadNow() }
        XCTAssertEqual(after?.generation, before.generation + 1)
        XCTAssertEqual(after?.loadedAt, before.loadedAt, "nothing good changed")
    }

    /// A directory that does not exist yet is a path problem, not a failure; when it appears
    /// with a snapshot in it, the snapshot loads.
    func testDirectoryThatAppearsLater() throws {
        let later = target("later")
        let inbox = self.inbox
        let reloader = Reloader(paths: [later]) { inbox.receive($0) }
        self.reloader = reloader
        let first = try inbox.next("first load", in: self) { try reloader.start() }
        XCTAssertEqual(first?.problems.map(\.message), ["the directory does not exist (yet): watching for it"])

        let loaded = try inbox.next("appeared", in: self, where: { !$0.isEmpty }) {
            let staging = target("staging")
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try Write.whole(Write.bytes(of: source("2025-02-18.json")), to: (staging as NSString).appendingPathComponent("a.json"))
            guard rename(staging, later) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        XCTAssertEqual(loaded?.files, [(later as NSString).appendingPathComponent("a.json")])
        XCTAssertEqual(loaded?.pathProblems, [])
    }

    /// Two files named on the command line: one in a directory that is watched as a whole,
    /// one single file elsewhere whose neighbours are ignored.
    func testSingleFileAndDirectory() throws {
        let other = try Write.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let single = (other as NSString).appendingPathComponent("2025-03-31.json")
        try Write.whole(Write.bytes(of: source("2025-03-31.json")), to: single)
        let inbox = self.inbox
        let reloader = Reloader(paths: [directory, single]) { inbox.receive($0) }
        self.reloader = reloader
        let first = try inbox.next("first load", in: self) { try reloader.start() }
        XCTAssertEqual(first?.files, [single])

        let seen = try inbox.next("directory file loaded", in: self, where: { $0.files.count == 2 }) {
            try Write.whole(Write.bytes(of: source("2025-02-18.json")), to: target("2025-02-18.json"))
        }
        XCTAssertEqual(seen?.files, [target("2025-02-18.json"), single])
        XCTAssertEqual(seen?.store.current.file, single)

        // A neighbour of the single file is not watched and not loaded, even on `r`.
        try Write.whole(Write.bytes(of: source("2025-03-10.json")), to: (other as NSString).appendingPathComponent("x.json"))
        let again = inbox.next("reloaded", in: self) { reloader.reloadNow() }
        XCTAssertEqual(again?.files, [target("2025-02-18.json"), single])
    }
}
