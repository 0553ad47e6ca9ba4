@testable import AdoptCore
import XCTest

/// Version 2 adds `deployments[].body`, `events[].analysis` and `claims[].counts`; version 1
/// files load unchanged, and a version 2 field in a version 1 file is a warning, not data.
final class FormatVersionTests: XCTestCase {
    static let v2 = """
    {
      "format": "adopt.snapshot",
      "version": 2,
      "asOf": "2025-03-10",
      "sources": [
        {"id": "s1", "publisher": "China Daily", "date": "2025-02-18"}
      ],
      "deployments": [
        {"id": "a", "region": "440304", "organization": "Futian 福田区", "date": "2025-02-15",
         "status": "deployed", "sector": "government", "body": "procuratorate", "models": [],
         "useCases": [], "sources": ["s1"]}
      ],
      "events": [{"date": "2025-01-20", "title": "R1 released",
                  "analysis": {"whyItMatters": "Open weights", "longTermSignal": "More to come"}}],
      "claims": [{"date": "2025-03-10", "region": "000000", "metric": "governments", "value": 72, "source": "s1",
                  "counts": {"unit": "regions", "sectors": ["government"], "levels": ["province", "prefecture"],
                             "statuses": ["deployed"]}}]
    }
    """

    func load(_ text: String) -> SnapshotLoader.Result { PieceCheck.load(Array(text.utf8)) }

    func testVersionTwoReadsItsFields() throws {
        let r = load(Self.v2)
        XCTAssertEqual(r.problems, [])
        let s = try XCTUnwrap(r.snapshot)
        XCTAssertEqual(s.version, 2)
        XCTAssertEqual(s.deployments[0].body, .procuratorate)
        XCTAssertEqual(s.events[0].analysis?.whyItMatters, "Open weights")
        XCTAssertEqual(s.events[0].analysis?.parts.map(\.heading), ["Why it matters", "Long-term signal"])
        XCTAssertEqual(s.claims[0].counts, ClaimCounts(unit: .regions, sectors: [.government],
                                                       levels: [.province, .prefecture], statuses: [.deployed]))
    }

    func testVersionOneStillLoadsAndIgnoresVersionTwoFields() throws {
        XCTAssertEqual(load(LoaderErrorTests.valid).problems, [])
        let r = load(Self.v2.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 1"))
        let s = try XCTUnwrap(r.snapshot, "warnings only")
        XCTAssertNil(s.deployments[0].body)
        XCTAssertNil(s.events[0].analysis)
        XCTAssertEqual(s.claims[0].counts, ClaimCounts())
        XCTAssertEqual(r.problems.map(\.description), [
            "t.json:10:60: warning: deployments[0].body: \"body\" is a version 2 field and this file says version 1 (ignored)",
            "t.json:14:15: warning: events[0].analysis: \"analysis\" is a version 2 field and this file says version 1 (ignored)",
            "t.json:16:15: warning: claims[0].counts: \"counts\" is a version 2 field and this file says version 1 (ignored)",
        ])
    }

    func testBadVersionTwoValuesAreErrorsWithPlaces() {
        let bad = Self.v2.replacingOccurrences(of: "\"body\": \"procuratorate\"", with: "\"body\": \"prosecutor\"")
            .replacingOccurrences(of: "\"unit\": \"regions\"", with: "\"unit\": \"cities\"")
            .replacingOccurrences(of: "\"province\", \"prefecture\"", with: "\"province\", \"town\"")
        let problems = load(bad).problems.map(\.description)
        XCTAssertEqual(problems.count, 3, "\(problems)")
        XCTAssertTrue(problems[0].hasPrefix("t.json:10:60: error: deployments[0].body: unknown body \"prosecutor\""), problems[0])
        XCTAssertTrue(problems[1].contains("claims[0].counts.unit: unknown unit \"cities\""), problems[1])
        XCTAssertTrue(problems[2].contains("claims[0].counts.levels[1]: unknown value \"town\""), problems[2])
        XCTAssertNil(load(bad).snapshot)
    }

    func testVersionThreeIsRejected() {
        let r = load(Self.v2.replacingOccurrences(of: "\"version\": 2", with: "\"version\": 3"))
        XCTAssertEqual(r.problems.map(\.description),
                       ["t.json:3:14: error: version: unsupported version 3 (this adopt reads versions 1 and 2)"])
    }
}
