@testable import AdoptCore
import XCTest

/// "Did you mean" for near-miss field names: the distance, the choice, and the warnings of the
/// top level, deployments, sources, events and claims.
final class FieldSuggestionTests: XCTestCase {
    func testDistance() {
        XCTAssertEqual(FieldSuggestion.distance("uncertain", "uncertain"), 0)
        XCTAssertEqual(FieldSuggestion.distance("uncertian", "uncertain"), 1, "a swap is one edit")
        XCTAssertEqual(FieldSuggestion.distance("regoin", "region"), 1)
        XCTAssertEqual(FieldSuggestion.distance("asof", "asOf"), 1)
        XCTAssertEqual(FieldSuggestion.distance("useCase", "useCases"), 1)
        XCTAssertEqual(FieldSuggestion.distance("publsher", "publisher"), 1)
        XCTAssertEqual(FieldSuggestion.distance("sorce", "sources"), 2)
        XCTAssertEqual(FieldSuggestion.distance("", "id"), 2)
        XCTAssertEqual(FieldSuggestion.distance("budget", "body"), 4)
    }

    func testNearest() {
        let deployment = DeploymentField.allNames
        XCTAssertEqual(FieldSuggestion.nearest(to: "uncertian", among: deployment), "uncertain")
        XCTAssertEqual(FieldSuggestion.nearest(to: "Region", among: deployment), "region")
        XCTAssertEqual(FieldSuggestion.nearest(to: "model", among: deployment), "models")
        XCTAssertNil(FieldSuggestion.nearest(to: "budget", among: deployment))
        XCTAssertNil(FieldSuggestion.nearest(to: "uncertain", among: ["id"]))
        // Fewer edits than the name has characters: "x" is not a misspelt "id".
        XCTAssertNil(FieldSuggestion.nearest(to: "x", among: deployment))
        XCTAssertNil(FieldSuggestion.nearest(to: "ab", among: deployment))
        XCTAssertEqual(FieldSuggestion.nearest(to: "idd", among: deployment), "id")
        // Equals: alphabetical, whatever the order given.
        XCTAssertEqual(FieldSuggestion.nearest(to: "dat", among: ["date", "data"]), "data")
        XCTAssertEqual(FieldSuggestion.nearest(to: "dat", among: ["data", "date"]), "data")
        XCTAssertNil(FieldSuggestion.nearest(to: String(repeating: "a", count: 100), among: deployment))
    }

    func problems(_ text: String) -> [String] {
        PieceCheck.load(Array(text.utf8)).problems.map(\.description)
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(LoaderErrorTests.valid.contains(old), old)
        return LoaderErrorTests.valid.replacingOccurrences(of: old, with: new)
    }

    func testADeploymentsMisspeltField() {
        let text = replacing(#""sources": ["s1"]}"#, #""sources": ["s1"], "uncertian": true}"#)
        XCTAssertEqual(problems(text), ["t.json:11:52: warning: deployments[0].uncertian: unknown field (ignored); did you mean `uncertain`?"])
    }

    func testTheTopLevel() {
        let text = replacing(#""version": 1,"#, #""version": 1, "titel": "x","#)
        XCTAssertEqual(problems(text), ["t.json:3:17: warning: titel: unknown field (ignored); did you mean `title`?"])
    }

    func testASource() {
        let text = replacing(#""date": "2025-02-18"}"#, #""date": "2025-02-18", "ulr": "https://example.org"}"#)
        XCTAssertEqual(problems(text), ["t.json:6:68: warning: sources[0].ulr: unknown field (ignored); did you mean `url`?"])
    }

    func testAnEventAndAClaim() {
        var text = replacing(#""title": "R1 released"}"#, #""title": "R1 released", "regoin": "000000"}"#)
        text = text.replacingOccurrences(of: #""value": 72,"#, with: #""value": 72, "metrics": "x","#)
        XCTAssertEqual(problems(text), [
            "t.json:13:61: warning: events[0].regoin: unknown field (ignored); did you mean `region`?",
            "t.json:14:95: warning: claims[0].metrics: unknown field (ignored); did you mean `metric`?",
        ])
    }

    func testNoHintForAFarName() {
        let text = replacing(#""sources": ["s1"]}"#, #""sources": ["s1"], "budget": 3}"#)
        XCTAssertEqual(problems(text), ["t.json:11:52: warning: deployments[0].budget: unknown field (ignored)"])
    }
}
