@testable import AdoptCore
import XCTest

/// Every kind of loader error, with its exact FILE:LINE:COL and field path.
final class LoaderErrorTests: XCTestCase {
    /// A valid snapshot, one field per line, so tests can break one line at a time.
    static let valid = """
    {
      "format": "adopt.snapshot",
      "version": 1,
      "asOf": "2025-03-10",
      "sources": [
        {"id": "s1", "publisher": "China Daily", "date": "2025-02-18"}
      ],
      "deployments": [
        {"id": "a", "region": "440304", "organization": "Futian 福田区", "date": "2025-02-15",
         "status": "deployed", "sector": "government", "models": ["DeepSeek-R1"],
         "useCases": ["documents"], "sources": ["s1"]}
      ],
      "events": [{"date": "2025-01-20", "title": "R1 released"}],
      "claims": [{"date": "2025-03-10", "region": "000000", "metric": "governments", "value": 72, "source": "s1"}]
    }
    """

    func load(_ text: String) -> SnapshotLoader.Result {
        PieceCheck.load(Array(text.utf8))
    }

    func problems(_ text: String) -> [String] { load(text).problems.map(\.description) }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), old)
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    func testValidFileLoads() throws {
        let r = load(Self.valid)
        XCTAssertEqual(r.problems, [])
        let s = try XCTUnwrap(r.snapshot)
        XCTAssertEqual(s.asOf.description, "2025-03-10")
        XCTAssertEqual(s.deployments.map(\.id), ["a"])
        XCTAssertEqual(s.deployments[0].region, RegionCode("440304"))
        XCTAssertEqual(s.claims.first?.value, 72)
        XCTAssertEqual(s.events.first?.title, "R1 released")
    }

    func testUnknownRegionCode() {
        XCTAssertEqual(problems(replacing("\"440304\"", "\"449999\"")),
                       ["t.json:9:27: error: deployments[0].region: unknown region code 449999 (not in the GB/T 2260 gazetteer)"])
    }

    func testMalformedRegionCode() {
        XCTAssertEqual(problems(replacing("\"440304\"", "\"4403\"")),
                       ["t.json:9:27: error: deployments[0].region: \"4403\" is not a six-digit region code"])
    }

    func testDuplicateID() {
        let twice = replacing("\"sources\": [\"s1\"]}\n  ],", """
            "sources": ["s1"]},
                {"id": "a", "region": "440300", "organization": "Shenzhen", "date": "2025-02-10",
                 "status": "deployed", "sector": "government", "models": [], "useCases": [], "sources": ["s1"]}
              ],
            """)
        XCTAssertEqual(problems(twice), ["t.json:12:12: error: deployments[1].id: duplicate id \"a\" (first used by deployments[0])"])
    }

    /// Checks that need fields written after the deployments still run, at the exact place.
    func testFieldOrderDoesNotMatter() {
        let late = """
        {"format": "adopt.snapshot", "version": 1, "sources": [{"id": "s1", "publisher": "P"}],
         "deployments": [
          {"id": "a", "region": "440304", "organization": "O", "date": "2025-04-01", "status": "deployed",
           "sector": "government", "models": [], "useCases": [], "sources": []}],
         "asOf": "2025-03-10"}
        """
        XCTAssertEqual(problems(late), [
            "t.json:3:64: error: deployments[0].date: date 2025-04-01 is after the snapshot's asOf 2025-03-10",
            "t.json:4:69: error: deployments[0].sources: at least one source is required (only synthetic files may omit them)",
        ])
        let synthetic = late.replacingOccurrences(of: "\"asOf\": \"2025-03-10\"", with: "\"asOf\": \"2025-04-01\", \"synthetic\": true")
        XCTAssertEqual(problems(synthetic), [])
    }

    func testDanglingIDUsedManyTimesIsReportedOnceAtItsFirstUse() {
        let many = replacing("\"sources\": [\"s1\"]}", "\"sources\": [\"s9\", \"s9\"]}")
        XCTAssertEqual(problems(many), ["t.json:11:45: error: deployments[0].sources[0]: dangling source id \"s9\" (not in this file's sources); 1 more uses"])
    }

    func testDeploymentOfWrongTypeAndUnknownField() {
        XCTAssertEqual(problems(replacing("\"deployments\": [", "\"deployments\": [42, ")),
                       ["t.json:8:19: error: deployments[0]: expected an object, found number"])
        let extra = replacing("\"useCases\": [\"documents\"],", "\"useCases\": [\"documents\"], \"budget\": 5,")
        XCTAssertEqual(load(extra).problems.map(\.description), ["t.json:11:33: warning: deployments[0].budget: unknown field (ignored)"])
        XCTAssertNotNil(load(extra).snapshot)
    }

    func testInvalidID() {
        XCTAssertEqual(problems(replacing("{\"id\": \"a\",", "{\"id\": \"A b\",")),
                       ["t.json:9:12: error: deployments[0].id: \"A b\" is not a valid id (lower-case letters, digits and '-', at most 128)"])
    }

    func testImpossibleDate() {
        XCTAssertEqual(problems(replacing("\"2025-02-15\"", "\"2025-02-30\"")),
                       ["t.json:9:75: error: deployments[0].date: \"2025-02-30\" is not a valid date (expected YYYY-MM-DD, a real calendar day)"])
    }

    func testDateAfterAsOf() {
        XCTAssertEqual(problems(replacing("\"2025-02-15\"", "\"2031-01-01\"")),
                       ["t.json:9:75: error: deployments[0].date: date 2031-01-01 is after the snapshot's asOf 2025-03-10"])
    }

    func testUnknownStatus() {
        XCTAssertEqual(problems(replacing("\"deployed\"", "\"live\"")),
                       ["t.json:10:16: error: deployments[0].status: unknown status \"live\" (expected one of: announced, training, piloting, deployed, suspended)"])
    }

    func testUnknownSector() {
        XCTAssertEqual(problems(replacing("\"government\"", "\"military\"")),
                       ["t.json:10:38: error: deployments[0].sector: unknown sector \"military\" (expected one of: government, public-service, enterprise)"])
    }

    func testMissingField() {
        XCTAssertEqual(problems(replacing("\"organization\": \"Futian 福田区\", ", "")),
                       ["t.json:9:5: error: deployments[0].organization: missing required field \"organization\""])
    }

    func testWrongType() {
        XCTAssertEqual(problems(replacing("\"models\": [\"DeepSeek-R1\"]", "\"models\": \"DeepSeek-R1\"")),
                       ["t.json:10:62: error: deployments[0].models: expected an array of strings, found string"])
        XCTAssertEqual(problems(replacing("\"version\": 1", "\"version\": \"1\"")),
                       ["t.json:3:14: error: version: expected a number, found string"])
    }

    func testTruncatedFile() {
        let text = Self.valid
        let cut = String(text.prefix(200))
        let p = problems(cut)
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p[0].hasSuffix("error: unexpected end of file (the file is truncated or incomplete)")
                      || p[0].hasSuffix("error: unterminated string (the file ends inside it)"), p[0])
        XCTAssertEqual(problems("{\n  \"format\": \"adopt.snapshot\",\n  \"version\": 1,\n"),
                       ["t.json:4:1: error: unexpected end of file (the file is truncated or incomplete)"])
    }

    func testEveryTruncationIsAnErrorNeverACrash() {
        let bytes = Array(Self.valid.utf8)
        for n in 0..<bytes.count {
            let r = PieceCheck.load(Array(bytes[0..<n]), pieces: [3])
            XCTAssertNil(r.snapshot, "prefix \(n)")
            XCTAssertTrue(r.problems.contains { $0.severity == .error && $0.line >= 1 }, "prefix \(n)")
        }
    }

    func testUnsupportedVersion() {
        XCTAssertEqual(problems(replacing("\"version\": 1", "\"version\": 3")),
                       ["t.json:3:14: error: version: unsupported version 3 (this adopt reads versions 1 and 2)"])
    }

    func testWrongFormat() {
        XCTAssertEqual(problems(replacing("\"adopt.snapshot\"", "\"geojson\"")),
                       ["t.json:2:13: error: format: \"geojson\" is not an adopt snapshot (expected \"adopt.snapshot\")"])
    }

    func testDanglingSourceID() {
        XCTAssertEqual(problems(replacing("\"sources\": [\"s1\"]}", "\"sources\": [\"s9\"]}")),
                       ["t.json:11:45: error: deployments[0].sources[0]: dangling source id \"s9\" (not in this file's sources)"])
    }

    func testDeploymentNeedsASourceUnlessSynthetic() {
        let none = replacing("\"sources\": [\"s1\"]}", "\"sources\": []}")
        XCTAssertEqual(problems(none),
                       ["t.json:11:44: error: deployments[0].sources: at least one source is required (only synthetic files may omit them)"])
        let synthetic = none.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 1, \"synthetic\": true,")
        XCTAssertEqual(problems(synthetic), [])
        XCTAssertEqual(load(synthetic).snapshot?.synthetic, true)
    }

    func testReportsEveryProblemNotJustTheFirst() {
        let text = replacing("\"440304\"", "\"999999\"").replacingOccurrences(of: "\"deployed\"", with: "\"nope\"")
        XCTAssertEqual(load(text).problems.count, 2)
    }

    func testSyntaxErrors() {
        XCTAssertEqual(problems(""), ["t.json:1:1: error: the file is empty"])
        XCTAssertEqual(problems("{\"a\": 1,}"), ["t.json:1:9: error: expected a quoted field name, found '}'"])
        XCTAssertEqual(problems("{\"a\": 1, \"a\": 2}"), ["t.json:1:10: error: duplicate field name \"a\" in the same object"])
        XCTAssertEqual(problems("\u{FEFF}{}"), ["t.json:1:1: error: the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without a BOM"])
        XCTAssertEqual(problems("{\"a\": \"x\u{0}y\"}"), ["t.json:1:9: error: NUL byte inside a string"])
        XCTAssertEqual(SnapshotLoader.parse(bytes: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], file: "t.json").problems.map(\.description),
                       ["t.json:1:3: error: invalid UTF-8 byte sequence"])
        XCTAssertEqual(problems("{\"version\": 1e999}"), ["t.json:1:13: error: number 1e999 is out of range"])
        XCTAssertEqual(problems("[]"), ["t.json:1:1: error: expected an object, found array"])
    }

    func testResourceLimits() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertEqual(problems(deep), ["t.json:1:65: error: nesting is deeper than the limit of 64 levels"])
        let long = "{\"title\": \"" + String(repeating: "x", count: 70_000) + "\"}"
        XCTAssertEqual(problems(long), ["t.json:1:11: error: string of 70000 bytes is longer than the limit of 65536 bytes"])
    }

    func testUnknownFieldIsAWarningAndTheFileStillLoads() {
        let r = load(replacing("\"asOf\": \"2025-03-10\",", "\"asOf\": \"2025-03-10\", \"colour\": \"red\","))
        XCTAssertEqual(r.problems.map(\.description), ["t.json:4:25: warning: colour: unknown field (ignored)"])
        XCTAssertNotNil(r.snapshot)
    }

    func testColumnsCountCharactersNotBytes() {
        // 福田区 is 9 bytes but 3 characters: the date after it is at character column 75 (byte 81).
        let text = replacing("\"status\": \"deployed\"", "\"status\": \"部署\"")
        XCTAssertEqual(problems(text).first, "t.json:10:16: error: deployments[0].status: unknown status \"部署\" (expected one of: announced, training, piloting, deployed, suspended)")
        let bad = replacing("\"Futian 福田区\", \"date\": \"2025-02-15\"", "\"Futian 福田区\", \"date\": \"2025-02-31\"")
        XCTAssertEqual(problems(bad), ["t.json:9:75: error: deployments[0].date: \"2025-02-31\" is not a valid date (expected YYYY-MM-DD, a real calendar day)"])
    }
}
