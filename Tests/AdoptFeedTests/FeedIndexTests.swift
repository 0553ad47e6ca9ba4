@testable import AdoptFeed
import AdoptCore
import Foundation
import NIOHTTP1
import XCTest

final class FeedIndexTests: XCTestCase {
    private let sha = String(repeating: "a", count: 64)

    private func index(_ files: [String], extra: String = "") -> Data {
        let entries = files.map { "{\"file\": \"\($0)\", \"asOf\": \"2026-01-31\", \"size\": 10, \"sha256\": \"\(sha)\"}" }
        return Data("{\"format\": \"adopt.feed\", \"version\": 1, \"updated\": \"2026-12-03T05:00:00Z\", \"snapshots\": [\(entries.joined(separator: ","))], \"tours\": []\(extra)}".utf8)
    }

    func testValidIndexDecodes() throws {
        let i = try FeedIndex.decode(index(["2026-01-31.json", "2026-02-28.json"], extra: ", \"future\": 1"), from: "u")
        XCTAssertEqual(i.snapshots.map(\.file), ["2026-01-31.json", "2026-02-28.json"])
    }

    func testEntriesThatLeaveTheDirectoryAreRejected() {
        for bad in ["../outside.json", "/etc/passwd", "a/b.json", "..", ".", "", ".hidden.json", "index.json", "a\\\\b.json", "x\\u0000.json"] {
            XCTAssertThrowsError(try FeedIndex.decode(index([bad]), from: "http://h/index.json"), bad) { error in
                guard case FeedError.badIndex(let url, let message) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(url, "http://h/index.json")
                XCTAssertTrue(message.contains("not a plain file name"), message)
            }
        }
    }

    func testDuplicatesBadChecksumsAndFormatAreRejected() {
        XCTAssertThrowsError(try FeedIndex.decode(index(["a.json", "a.json"]), from: "u"))
        let badSha = Data(String(decoding: index(["a.json"]), as: UTF8.self).replacingOccurrences(of: sha, with: "XYZ").utf8)
        XCTAssertThrowsError(try FeedIndex.decode(badSha, from: "u"))
        let otherFormat = Data(String(decoding: index(["a.json"]), as: UTF8.self).replacingOccurrences(of: "adopt.feed", with: "adopt.snapshot").utf8)
        XCTAssertThrowsError(try FeedIndex.decode(otherFormat, from: "u")) { error in
            XCTAssertTrue("\(error)".contains("format is \"adopt.snapshot\""), "\(error)")
        }
        XCTAssertThrowsError(try FeedIndex.decode(Data("{\"format\": ".utf8), from: "u")) { error in
            XCTAssertTrue("\(error)".contains("not valid JSON"), "\(error)")
        }
        XCTAssertThrowsError(try FeedIndex.decode(Data("{\"format\": \"adopt.feed\", \"version\": 1}".utf8), from: "u")) { error in
            XCTAssertTrue("\(error)".contains("missing field updated"), "\(error)")
        }
    }

    func testEncodedIndexRoundTrips() throws {
        let i = FeedIndex(updated: "2026-12-03T05:00:00Z",
                          snapshots: [.init(file: "a.json", asOf: "2026-01-31", size: 3, sha256: sha)], tours: [])
        XCTAssertEqual(try FeedIndex.decode(i.encoded(), from: "u"), i)
    }
}

final class FeedURLTests: XCTestCase {
    func testDirectoryAndIndexFormsAreTheSameFeed() throws {
        let a = try FeedURL("https://data.example.org/adopt")
        let b = try FeedURL("https://data.example.org/adopt/index.json")
        XCTAssertEqual(a.base, b.base)
        XCTAssertEqual(a.index.absoluteString, "https://data.example.org/adopt/index.json")
        XCTAssertEqual(a.file("x.json", tour: true).absoluteString, "https://data.example.org/adopt/tours/x.json")
    }

    func testOnlyHTTPAndHTTPS() {
        XCTAssertThrowsError(try FeedURL("ftp://h/x/"))
        XCTAssertThrowsError(try FeedURL("file:///etc/"))
        XCTAssertFalse(FeedURL.isFeed("/srv/adopt"))
        XCTAssertTrue(FeedURL.isFeed("HTTPS://h/"))
    }

    func testCredentialsAreRedactedAndKeptOutOfTheBase() throws {
        XCTAssertEqual(FeedURL.redact("https://ann:s3cret@h/p/"), "https://ann:***@h/p/")
        XCTAssertEqual(FeedURL.redact("https://h/p/?a=b@c"), "https://h/p/?a=b@c")
        let url = try FeedURL("https://ann:s3cret@h:8443/p/")
        XCTAssertFalse(url.description.contains("s3cret"))
        XCTAssertEqual(url.credentials, "ann:s3cret")
        XCTAssertEqual(url.cacheKey, "h_8443_p")
    }

    func testSameOriginIsSchemeHostAndPort() {
        let base = URL(string: "https://h/p/")!
        XCTAssertTrue(FeedClient.sameOrigin(URL(string: "https://H/q")!, base))
        XCTAssertFalse(FeedClient.sameOrigin(URL(string: "http://h/p/")!, base))
        XCTAssertFalse(FeedClient.sameOrigin(URL(string: "https://other/p/")!, base))
        XCTAssertFalse(FeedClient.sameOrigin(URL(string: "https://h:444/p/")!, base))
    }

    func testCacheControlAndRetryAfter() {
        XCTAssertEqual(FeedClient.maxAge(HTTPHeaders([("Cache-Control", "public, max-age=300")])), 300)
        XCTAssertEqual(FeedClient.maxAge(HTTPHeaders([("Cache-Control", "no-cache")])), 0)
        XCTAssertNil(FeedClient.maxAge(HTTPHeaders()))
        XCTAssertEqual(FeedClient.retryAfter(HTTPHeaders([("Retry-After", "120")])), 120)
        XCTAssertNotNil(FeedClient.retryAfter(HTTPHeaders([("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT")])))
    }

    func testStatusTexts() {
        var utc = TimeZone(identifier: "UTC")!
        utc = TimeZone(secondsFromGMT: 0)!
        let t = Date(timeIntervalSince1970: 1_764_745_445) // 2025-12-03T07:04:05Z
        XCTAssertEqual(FeedStatus.live(checked: t).text(timeZone: utc), "feed live, checked 07:04:05")
        XCTAssertEqual(FeedStatus.offline(since: t, lastSuccess: nil).text(timeZone: utc), "feed offline since 07:04")
        XCTAssertTrue(FeedStatus.stale(since: t, checked: t).isTrouble)
        XCTAssertFalse(FeedStatus.live(checked: t).isTrouble)
    }
}

final class FeedPublisherTests: XCTestCase {
    func testPublishListsValidFilesWithTheirChecksums() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adopt-publish-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = "{\"format\": \"adopt.snapshot\", \"version\": 1, \"asOf\": \"2025-03-01\", \"sources\": [], \"deployments\": []}"
        try good.write(toFile: dir + "/2025-03-01.json", atomically: true, encoding: .utf8)
        try "{\"format\": \"adopt.snapshot\", \"version\": 1, \"asOf\": \"2025-04-01\", \"deploy".write(toFile: dir + "/2025-04-01.json", atomically: true, encoding: .utf8)
        let outcome = FeedPublisher.index(directory: dir)
        XCTAssertEqual(outcome.index.snapshots.map(\.file), ["2025-03-01.json"])
        XCTAssertEqual(outcome.index.snapshots[0].sha256, Checksum.sha256(Data(good.utf8)))
        XCTAssertEqual(outcome.index.snapshots[0].size, good.utf8.count)
        XCTAssertEqual(outcome.invalidNewest, dir + "/2025-04-01.json")
        try FeedPublisher.write(outcome.index, directory: dir)
        let written = try FeedIndex.decode(Data(contentsOf: URL(fileURLWithPath: dir + "/index.json")), from: "u")
        XCTAssertEqual(written, outcome.index)
        // The index is not read as a snapshot of the directory.
        XCTAssertFalse(DataSet.files(in: [dir]).files.contains { $0.hasSuffix("index.json") })
    }

    func testSHA256OfKnownText() {
        XCTAssertEqual(Checksum.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
