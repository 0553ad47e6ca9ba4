@testable import AdoptLive
import Foundation
import XCTest

/// The watcher on real directories: what it reports, what it ignores, and that a directory
/// disappearing under it is survived and reported. Each case runs with inotify and polling.
final class DirectoryWatcherTests: XCTestCase {
    private var directory = ""
    private var watcher: DirectoryWatcher?
    private let inbox = Inbox<Set<String>>()

    override func setUpWithError() throws {
        directory = try Write.temporaryDirectory()
    }

    override func tearDown() {
        watcher?.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    private func watch(_ paths: [String], polling: Bool) throws {
        let inbox = self.inbox
        watcher = try DirectoryWatcher(paths: paths, polling: polling) { inbox.receive($0) }
        XCTAssertEqual(watcher?.usesNotifications, !polling)
    }

    func testReportsJSONFilesOnlyWithNotifications() throws { try reportsJSONFilesOnly(polling: false) }
    func testReportsJSONFilesOnlyByPolling() throws { try reportsJSONFilesOnly(polling: true) }

    /// Other names and hidden files never show up; the snapshot file does, by its full path.
    private func reportsJSONFilesOnly(polling: Bool) throws {
        try watch([directory], polling: polling)
        _ = try inbox.next("a.json reported", in: self, where: { $0.contains(self.path("a.json")) }) {
            try Write.whole(Array("x".utf8), to: path("notes.txt"))
            try Write.whole(Array("x".utf8), to: path(".hidden.json"))
            try Write.whole(Array("{}".utf8), to: path("a.json"))
        }
        XCTAssertEqual(inbox.all.reduce(into: Set<String>()) { $0.formUnion($1) }, [path("a.json")])

        let removed = try inbox.next("removal reported", in: self) {
            try FileManager.default.removeItem(atPath: path("a.json"))
        }
        XCTAssertEqual(removed, [path("a.json")])
    }

    func testSingleFileWithNotifications() throws { try singleFile(polling: false) }
    func testSingleFileByPolling() throws { try singleFile(polling: true) }

    /// A single file is reported as given, renamed into place or not; its neighbours are not.
    /// It need not exist when watching starts.
    private func singleFile(polling: Bool) throws {
        let file = path("only.json")
        try watch([file], polling: polling)
        let created = try inbox.next("created", in: self, where: { $0.contains(file) }) {
            try Write.whole(Array("{}".utf8), to: path("other.json"))
            try Write.renamedIntoPlace(Array("{}".utf8), to: file)
        }
        XCTAssertEqual(created, [file])
        XCTAssertEqual(inbox.all.reduce(into: Set<String>()) { $0.formUnion($1) }, [file])
    }

    func testDirectoryDisappearsAndComesBackWithNotifications() throws { try disappears(polling: false) }
    func testDirectoryDisappearsAndComesBackByPolling() throws { try disappears(polling: true) }

    /// The directory is deleted (reported as itself: everything in it is gone), then made
    /// again and written to: watching resumes.
    private func disappears(polling: Bool) throws {
        try Write.whole(Array("{}".utf8), to: path("a.json"))
        try watch([directory], polling: polling)
        _ = try inbox.next("deletion reported", in: self, where: { $0.contains(self.directory) }) {
            try FileManager.default.removeItem(atPath: directory)
        }
        _ = try inbox.next("return noticed", in: self,
                           where: { $0.contains(self.directory) || $0.contains(self.path("b.json")) }) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Write.whole(Array("{}".utf8), to: path("b.json"))
        }
        // Watching goes on after the return.
        _ = try inbox.next("later write reported", in: self, where: { $0.contains(self.path("c.json")) }) {
            try Write.whole(Array("{}".utf8), to: path("c.json"))
        }
    }

    func testNothingIsReportedAfterStop() throws {
        try watch([directory], polling: false)
        watcher?.stop()
        try Write.whole(Array("{}".utf8), to: path("a.json"))
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(inbox.all.count, 0)
        watcher?.stop() // twice is harmless
    }

    /// `stop()` from inside `onChange` (on the watcher's own thread) returns instead of
    /// waiting for itself.
    func testStopFromTheCallback() throws {
        final class Holder: @unchecked Sendable { var watcher: DirectoryWatcher? }
        let holder = Holder()
        let stopped = expectation(description: "stopped from the callback")
        let ready = DispatchSemaphore(value: 0)
        holder.watcher = try DirectoryWatcher(paths: [directory]) { _ in
            ready.wait()
            holder.watcher?.stop()
            stopped.fulfill()
        }
        ready.signal()
        try Write.whole(Array("{}".utf8), to: path("a.json"))
        wait(for: [stopped], timeout: 5)
    }

    /// The debounce itself, with explicit times (nanoseconds): one report per directory once it
    /// has been quiet for the whole interval.
    func testDebounceWaitsForQuiet() {
        var d = Debouncer(quiet: 150)
        d.note(["/d/a.json"], in: "/d", now: 0)
        d.note(["/e/x.json"], in: "/e", now: 50)
        d.note(["/d/a.json", "/d/b.json"], in: "/d", now: 100) // /d's deadline moves to 250
        XCTAssertEqual(d.nextDeadline, 200)
        XCTAssertEqual(d.takeDue(now: 199), [])
        XCTAssertEqual(d.takeDue(now: 200), ["/e/x.json"])
        XCTAssertEqual(d.takeDue(now: 249), [])
        XCTAssertEqual(d.takeDue(now: 250), ["/d/a.json", "/d/b.json"])
        XCTAssertNil(d.nextDeadline)
    }
}

/// A path through a symlink follows the link, not the directory it first led to: the release
/// pattern `ln -sfn v2 current.tmp && mv -T current.tmp current` (and a Kubernetes ConfigMap's
/// `..data` swap) is reported within a second, inotify or not.
final class SymlinkSwapTests: XCTestCase {
    private var directory = ""
    private var watcher: DirectoryWatcher?
    private let inbox = Inbox<Set<String>>()

    override func setUpWithError() throws { directory = try Write.temporaryDirectory() }
    override func tearDown() {
        watcher?.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    func testSwapWithNotifications() throws { try swap(polling: false) }
    func testSwapByPolling() throws { try swap(polling: true) }

    private func swap(polling: Bool) throws {
        let fm = FileManager.default
        for v in ["v1", "v2"] {
            try fm.createDirectory(atPath: path(v), withIntermediateDirectories: true)
            try Write.whole(Array("{\"v\": \"\(v)\"}".utf8), to: path("\(v)/s.json"))
        }
        try fm.createSymbolicLink(atPath: path("current"), withDestinationPath: "v1")
        XCTAssertTrue(PathIdentity.goesThroughLink(path("current")))
        let inbox = self.inbox
        watcher = try DirectoryWatcher(paths: [path("current")], polling: polling) { inbox.receive($0) }
        let began = Date()
        let changed = try inbox.next("swap reported", timeout: 2, in: self, where: { $0.contains(self.path("current")) }) {
            try fm.createSymbolicLink(atPath: path("current.tmp"), withDestinationPath: "v2")
            XCTAssertEqual(rename(path("current.tmp"), path("current")), 0)
        }
        XCTAssertNotNil(changed)
        print("symlink swap noticed in \(Int(Date().timeIntervalSince(began) * 1000)) ms (polling: \(polling))")
        // Files changed in the new target are then reported as usual.
        _ = try inbox.next("change in the new target", timeout: 2, in: self, where: { $0.contains(self.path("current/s.json")) }) {
            try Write.renamedIntoPlace(Array("{\"v\": 3}".utf8), to: path("v2/s.json"))
        }
    }
}
