import AdoptCore
import XCTest

/// Tour files: what loads, and every problem with its line and column (counted by hand in
/// the texts below; columns count characters, 1-based).
final class TourLoaderTests: XCTestCase {
    func load(_ text: String) -> TourLoader.Result {
        TourLoader.parse(bytes: Array(text.utf8), file: "t.json")
    }

    func messages(_ text: String) -> [String] { load(text).problems.map(\.description) }

    func testAGoodTourLoadsWithDefaults() throws {
        let result = load("""
            {"format": "adopt.tour", "version": 1, "title": "Two steps",
             "steps": [
              {"date": "2025-02-08", "region": "440307", "caption": "Longgang", "source": "Dazhong News"},
              {"date": "2025-03-05", "caption": "Two Sessions"}
             ]}
            """)
        XCTAssertEqual(result.problems, [])
        let tour = try XCTUnwrap(result.tour)
        XCTAssertEqual(tour.title, "Two steps")
        XCTAssertEqual(tour.steps, [
            Tour.Step(date: Day("2025-02-08")!, region: RegionCode(value: 440307), caption: "Longgang", source: "Dazhong News"),
            Tour.Step(date: Day("2025-03-05")!, region: .country, caption: "Two Sessions"),
        ])
        XCTAssertEqual(tour.file, "t.json")
    }

    func testSyntaxErrorsArePlaced() {
        XCTAssertEqual(messages("{\"format\": \"adopt.tour\","),
                       ["t.json:1:25: error: unexpected end of file (the file is truncated or incomplete)"])
        XCTAssertEqual(messages("{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}"),
                       ["t.json:3:3: error: duplicate field name \"title\" in the same object"])
        XCTAssertEqual(messages(""), ["t.json:1:1: error: the file is empty"])
    }

    func testAnotherFormatOrVersionStopsAtTheHeader() {
        XCTAssertEqual(messages(#"{"format": "adopt.snapshot", "version": 1, "steps": 3}"#),
                       [#"t.json:1:12: error: format: "adopt.snapshot" is not an adopt tour (expected "adopt.tour")"#])
        XCTAssertEqual(messages(#"{"format": "adopt.tour", "version": 2}"#),
                       ["t.json:1:37: error: version: unsupported version 2 (this adopt reads tour version 1)"])
        XCTAssertEqual(messages(#"["adopt.tour"]"#), ["t.json:1:1: error: expected an object, found array"])
    }

    func testEveryStepProblemIsReportedWithItsPosition() {
        let text = """
            {
              "format": "adopt.tour",
              "version": 1,
              "title": "",
              "steps": [
                {"date": "2025-02-30", "region": "440307", "caption": "ok"},
                {"date": "2025-03-01", "region": "999999", "caption": "ok"},
                {"date": "2025-03-02", "region": "44030", "caption": "  "},
                {"date": "2025-03-03"},
                {"date": "2025-03-04", "caption": "ok", "regoin": "440000"},
                "step"
              ]
            }
            """
        XCTAssertEqual(messages(text), [
            "t.json:4:12: error: title: must not be empty",
            #"t.json:6:14: error: steps[0].date: "2025-02-30" is not a valid date (expected YYYY-MM-DD, a real calendar day)"#,
            "t.json:7:38: error: steps[1].region: unknown region code 999999 (not in the GB/T 2260 gazetteer)",
            #"t.json:8:38: error: steps[2].region: "44030" is not a six-digit region code"#,
            "t.json:8:58: error: steps[2].caption: must not be empty",
            #"t.json:9:5: error: steps[3].caption: missing required field "caption""#,
            "t.json:10:45: warning: steps[4].regoin: unknown field (ignored); did you mean `region`?",
            "t.json:11:5: error: steps[5]: expected an object, found string",
        ])
        XCTAssertNil(load(text).tour)
    }

    func testAnEmptyTourIsAnError() {
        XCTAssertEqual(messages(#"{"format": "adopt.tour", "version": 1, "title": "t", "steps": []}"#),
                       ["t.json:1:63: error: steps: a tour needs at least one step"])
    }

    func testUnknownFieldsWarnButTheTourLoads() {
        let result = load(#"{"format": "adopt.tour", "version": 1, "title": "t", "note": 1, "steps": [{"date": "2025-03-05", "caption": "c"}]}"#)
        XCTAssertEqual(result.problems.map(\.description), ["t.json:1:54: warning: note: unknown field (ignored)"])
        XCTAssertEqual(result.tour?.steps.count, 1)
    }

    func testControlCharactersInCaptionsAreNeutralised() throws {
        let result = load(#"{"format": "adopt.tour", "version": 1, "title": "t", "steps": [{"date": "2025-03-05", "caption": "a\u001b[2Jb"}]}"#)
        let caption = try XCTUnwrap(result.tour?.steps.first?.caption)
        XCTAssertFalse(caption.unicodeScalars.contains { $0.value == 0x1B }, caption)
    }

    func testAFileThatCannotBeReadIsAnError() {
        let dir = FileManager.default.temporaryDirectory.path
        XCTAssertEqual(TourLoader.load(file: dir).problems.map(\.description),
                       ["\(dir):0:0: error: cannot read the tour file (missing, not a regular file, or not readable)"])
        XCTAssertNil(TourLoader.load(file: "/nonexistent/tour.json").tour)
    }

    func testTheShippedTourLoadsCleanly() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/tours/early-2025.tour.json").path
        let result = TourLoader.load(file: path)
        XCTAssertEqual(result.problems.map(\.description), [])
        XCTAssertEqual(result.tour?.steps.count, 12)
        XCTAssertEqual(result.tour?.steps.first?.date, Day("2025-01-20"))
    }
}
