@testable import AdoptCore
import Foundation
import XCTest

/// Malformed and hostile snapshots: each is rejected with one clear `FILE:LINE:COL: error:` at
/// the right place, nothing traps, and no text from a file reaches the terminal raw.
/// (LoaderErrorTests has one example of each error; this suite tries every field, every kind
/// and the sizes. Tests/hostile/run.sh does the same end to end against the `adopt` binary,
/// with the 100 MB and million-deployment files.)
final class HostileInputTests: XCTestCase {
    let valid = HostileDocument.valid

    func load(_ bytes: [UInt8], file: String = "hostile.json") -> SnapshotLoader.Result {
        // Every hostile file is also read in pieces, and must give exactly the same result.
        let r = PieceCheck.load(bytes, name: file)
        assertContract(r)
        return r
    }

    func load(_ doc: HostileDocument) -> SnapshotLoader.Result { load(doc.bytes) }

    /// What every outcome must keep: no snapshot means at least one error; every problem has a
    /// position and inert text.
    func assertContract(_ r: SnapshotLoader.Result, file: StaticString = #filePath, line: UInt = #line) {
        if r.snapshot == nil {
            XCTAssertTrue(r.problems.contains { $0.severity == .error }, "rejected without an error", file: file, line: line)
        }
        for p in r.problems {
            XCTAssertTrue(p.line >= 1 && p.column >= 1, "no position: \(p)", file: file, line: line)
            XCTAssertTrue(HostileText.isInert(p.description), "raw control in \(p.description.debugDescription)", file: file, line: line)
        }
    }

    /// The first error as printed, or nil when the file loads.
    func firstError(_ doc: HostileDocument) -> String? { firstError(doc.bytes) }

    func firstError(_ bytes: [UInt8]) -> String? {
        let r = load(bytes)
        guard let e = r.problems.first(where: { $0.severity == .error }) else {
            XCTAssertNotNil(r.snapshot)
            return nil
        }
        XCTAssertNil(r.snapshot, "a file with an error must not load")
        return e.description
    }

    func testTheTemplateIsValid() throws {
        let r = load(valid)
        XCTAssertEqual(r.problems, [])
        let s = try XCTUnwrap(r.snapshot)
        XCTAssertEqual(s.deployments.count, 1)
        XCTAssertEqual(s.events.count, 1)
        XCTAssertEqual(s.claims.count, 1)
        // The renderer's positions, checked by hand against the text.
        XCTAssertEqual(valid.at("version"), "3:14")
        XCTAssertEqual(valid.at("deployments[0].region"), "19:17")
        XCTAssertEqual(valid.at("deployments[0].models[0]"), "25:18")
        XCTAssertEqual(valid.rendered.split(separator: "\n", omittingEmptySubsequences: false)[24],
                       "      \"models\": [\"DeepSeek-R1\"],")
    }

    // MARK: Wrong types

    /// Every field, given each JSON kind it is not: 42 fields x 5 kinds.
    func testEveryFieldOfEveryWrongKindIsAnErrorAtThatField() {
        var tried = 0
        for field in HostileSchema.fields {
            for kind in JSONKind.allCases where kind != field.kind {
                let doc = valid.replacing(field.path, with: kind.sample)
                XCTAssertEqual(firstError(doc),
                               "hostile.json:\(doc.at(field.path)): error: \(field.path): expected \(field.expected), found \(kind.name)",
                               "\(field.path) as \(kind.name)")
                tried += 1
            }
        }
        XCTAssertEqual(tried, 210)
    }

    func testMissingRequiredFields() {
        let required = ["format", "version", "asOf", "sources", "deployments",
                        "sources[0].id", "sources[0].publisher",
                        "deployments[0].id", "deployments[0].region", "deployments[0].organization", "deployments[0].date",
                        "deployments[0].status", "deployments[0].sector", "deployments[0].models", "deployments[0].useCases",
                        "deployments[0].sources",
                        "events[0].date", "events[0].title",
                        "claims[0].date", "claims[0].region", "claims[0].metric", "claims[0].value", "claims[0].source"]
        for path in required {
            let doc = valid.replacing(path, with: nil)
            let parent = path.contains(".") ? String(path[..<path.lastIndex(of: ".")!]) : ""
            let name = String(path.split(separator: ".").last!)
            let at = parent.isEmpty ? "1:1" : doc.at(parent)
            XCTAssertEqual(firstError(doc), "hostile.json:\(at): error: \(path): missing required field \"\(name)\"", path)
        }
    }

    func testEmptyRequiredText() {
        for path in ["format", "asOf", "sources[0].id", "sources[0].publisher", "deployments[0].organization",
                     "events[0].title", "claims[0].metric", "claims[0].region"] {
            let doc = valid.replacing(path, with: .raw("\"   \""))
            XCTAssertEqual(firstError(doc), "hostile.json:\(doc.at(path)): error: \(path): must not be empty", path)
        }
        // Tabs and ideographic spaces are blank too, in the streamed deployments as elsewhere.
        for blank in ["\"\\t \\n\"", "\"\u{3000}\""] {
            let doc = valid.replacing("deployments[0].organization", with: .raw(blank))
            XCTAssertEqual(firstError(doc), "hostile.json:\(doc.at("deployments[0].organization")): error: deployments[0].organization: must not be empty", blank)
        }
    }

    // MARK: Truncation

    /// Every prefix of a shipped file is an error (one, at a position in the prefix), never a trap.
    func testTruncatedAtEveryByteOfAShippedFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Data/2025-02-18.json").standardized
        let bytes = try [UInt8](Data(contentsOf: url))
        XCTAssertGreaterThan(bytes.count, 7000)
        var messages: [String: Int] = [:]
        for n in 0..<bytes.count {
            let r = load(Array(bytes[0..<n]))
            if bytes[n...].allSatisfy({ $0 == 0x0A || $0 == 0x20 }) {
                XCTAssertNotNil(r.snapshot, "the whole document minus trailing space loads")
                continue
            }
            XCTAssertNil(r.snapshot, "prefix \(n)")
            XCTAssertEqual(r.problems.count, 1, "prefix \(n)")
            guard let p = r.problems.first else { continue }
            messages[p.message, default: 0] += 1
        }
        // Which errors a cut can cause; a cut inside a Chinese character is a truncation too.
        XCTAssertEqual(Set(messages.keys), ["the file is empty",
                                            "unexpected end of file (the file is truncated or incomplete)",
                                            "unterminated string (the file ends inside it)"],
                       "\(messages)")
        XCTAssertEqual(messages["the file is empty"], 1)
    }

    /// Every prefix of the template (all record kinds, every field); the end-of-file error
    /// points at the end of the prefix.
    func testTruncatedAtEveryByteOfTheTemplate() {
        let bytes = valid.bytes
        for n in 1..<bytes.count {
            let prefix = Array(bytes[0..<n])
            let r = load(prefix)
            XCTAssertNil(r.snapshot, "prefix \(n)")
            guard let p = r.problems.first else { XCTFail("prefix \(n)"); continue }
            if p.message.hasPrefix("unexpected end of file") {
                let end = prefix.withUnsafeBufferPointer { b in
                    var index = LineIndex(b)
                    return index.position(of: n)
                }
                XCTAssertEqual("\(p.line):\(p.column)", "\(end.line):\(end.column)", "prefix \(n)")
            } else {
                XCTAssertEqual(p.message, "unterminated string (the file ends inside it)", "prefix \(n)")
            }
        }
    }

    // MARK: Encoding

    func testInvalidUTF8InAStringIsReportedAtTheByte() {
        let at = valid.position(of: "deployments[0].organization")
        let sequences: [(String, [UInt8])] = [
            ("0xFF", [0xFF]), ("0xFE", [0xFE]), ("lone continuation", [0x80]), ("overlong /", [0xC0, 0xAF]),
            ("overlong 3-byte", [0xE0, 0x80, 0xAF]), ("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
            ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("lead 0xF5", [0xF5, 0x80, 0x80, 0x80]),
            ("cut short", [0xE4, 0xB8]), ("Latin-1 é", [0xE9]),
        ]
        for (name, seq) in sequences {
            // "Futian 福田区" becomes "Fu" + seq + "tian": the bad byte is 3 characters in.
            var bytes = valid.bytes
            let org = Array("\"Futian 福田区\"".utf8)
            let start = firstIndex(of: org, in: bytes)!
            bytes.replaceSubrange(start..<start + org.count, with: Array("\"Fu".utf8) + seq + Array("tian\"".utf8))
            XCTAssertEqual(firstError(bytes), "hostile.json:\(at.line):\(at.column + 3): error: invalid UTF-8 byte sequence", name)
        }
    }

    func testInvalidUTF8OutsideStrings() {
        XCTAssertEqual(firstError([0xFF]), "hostile.json:1:1: error: expected a value, found byte 0xFF")
        XCTAssertEqual(firstError(Array("{\"format\": ".utf8) + [0xC3, 0xA9]),
                       "hostile.json:1:12: error: expected a value, found byte 0xC3")
        // A UTF-16 file (what some editors save): the first byte is not JSON.
        XCTAssertEqual(firstError([0xFF, 0xFE, 0x7B, 0x00]), "hostile.json:1:1: error: expected a value, found byte 0xFF")
        XCTAssertEqual(firstError([0x7B, 0x00, 0x7D, 0x00]), "hostile.json:1:2: error: expected a quoted field name, found NUL byte")
    }

    func testAFileCutInsideACharacterIsATruncation() {
        let bytes = Array("{\"title\": \"福".utf8)
        XCTAssertEqual(firstError(Array(bytes.dropLast(1))), "hostile.json:1:11: error: unterminated string (the file ends inside it)")
        XCTAssertEqual(firstError(Array(bytes.dropLast(2))), "hostile.json:1:11: error: unterminated string (the file ends inside it)")
        // Not at the end: invalid.
        XCTAssertEqual(firstError(Array(bytes.dropLast(1)) + Array("\"}".utf8)), "hostile.json:1:12: error: invalid UTF-8 byte sequence")
    }

    func testByteOrderMark() {
        let bom = "hostile.json:1:1: error: the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without a BOM"
        XCTAssertEqual(firstError([0xEF, 0xBB, 0xBF] + valid.bytes), bom)
        XCTAssertEqual(firstError([0xEF, 0xBB, 0xBF]), bom)
        XCTAssertEqual(firstError(Array(" \u{FEFF}{}".utf8)), "hostile.json:1:2: error: expected a value, found byte 0xEF")
        // Inside a string it is text, and shown visibly.
        let inside = valid.replacing("title", with: .raw("\"\u{FEFF}T\""))
        XCTAssertEqual(load(inside).snapshot?.title, "⟨U+FEFF⟩T")
    }

    func testNULBytes() {
        XCTAssertEqual(firstError([0, 0, 0]), "hostile.json:1:1: error: expected a value, found NUL byte")
        XCTAssertEqual(firstError(Array("{\"format\"\u{0}: 1}".utf8)), "hostile.json:1:10: error: expected ':' after the field name, found NUL byte")
        XCTAssertEqual(firstError(valid.bytes + [0]),
                       "hostile.json:\(valid.rendered.split(separator: "\n").count):2: error: unexpected NUL byte after the end of the document")
        var bytes = valid.bytes
        let org = Array("Futian".utf8)
        bytes[firstIndex(of: org, in: bytes)! + 2] = 0
        let at = valid.position(of: "deployments[0].organization")
        XCTAssertEqual(firstError(bytes), "hostile.json:\(at.line):\(at.column + 3): error: NUL byte inside a string")
        // Written as an escape, it is text: shown as ␀.
        let escaped = valid.replacing("deployments[0].organization", with: .raw("\"a\\u0000b\""))
        XCTAssertEqual(load(escaped).snapshot?.deployments.first?.organization, "a␀b")
    }

    func testEmptyAndBlankFiles() {
        for text in ["", " ", "\n\n\n", "\t \r\n"] {
            XCTAssertEqual(firstError(Array(text.utf8)), "hostile.json:1:1: error: the file is empty", text.debugDescription)
        }
        XCTAssertEqual(firstError(Array("{}".utf8)), "hostile.json:1:1: error: format: missing required field \"format\"")
        XCTAssertEqual(firstError(Array("null".utf8)), "hostile.json:1:1: error: expected an object, found null")
        XCTAssertEqual(firstError(Array("\"adopt.snapshot\"".utf8)), "hostile.json:1:1: error: expected an object, found string")
    }

    // MARK: Numbers

    func testNumbersOutOfRangeAndMalformed() {
        let version = valid.at("version")
        func v(_ text: String) -> String? { firstError(valid.replacing("version", with: .raw(text))) }
        XCTAssertEqual(v("1e999"), "hostile.json:\(version): error: number 1e999 is out of range")
        XCTAssertEqual(v("-1e999"), "hostile.json:\(version): error: number -1e999 is out of range")
        XCTAssertEqual(v(String(repeating: "9", count: 65)), "hostile.json:\(version): error: number is longer than 64 characters")
        XCTAssertEqual(v("01"), "hostile.json:3:15: error: expected ',' or '}' in an object, found '1'")
        XCTAssertEqual(v("-"), "hostile.json:3:15: error: expected digits in a number, found ','")
        XCTAssertEqual(v("1."), "hostile.json:3:16: error: expected digits after '.' in a number")
        XCTAssertEqual(v("1e"), "hostile.json:3:16: error: expected digits in a number's exponent")
        XCTAssertEqual(v(".5"), "hostile.json:\(version): error: expected a value, found '.'")
        XCTAssertEqual(v("+1"), "hostile.json:\(version): error: expected a value, found '+'")
        XCTAssertEqual(v("NaN"), "hostile.json:\(version): error: expected a value, found 'N'")
        XCTAssertEqual(v("Infinity"), "hostile.json:\(version): error: expected a value, found 'I'")
        XCTAssertEqual(v("0x1"), "hostile.json:3:15: error: expected ',' or '}' in an object, found 'x'")
        let claim = valid.at("claims[0].value")
        XCTAssertEqual(firstError(valid.replacing("claims[0].value", with: .raw("1e400"))),
                       "hostile.json:\(claim): error: number 1e400 is out of range")
        // Finite extremes are numbers; the claim may hold them.
        XCTAssertNil(firstError(valid.replacing("claims[0].value", with: .raw("1.7976931348623157e308"))))
        XCTAssertNil(firstError(valid.replacing("claims[0].value", with: .raw("5e-324"))))
    }

    func testUnsupportedVersions() {
        let at = valid.at("version")
        for (text, shown) in [("3", "3"), ("0", "0"), ("-1", "-1"), ("1.5", "1.5"), ("1e308", "1e+308"),
                              ("99999999999999999999", "1e+20"), ("1e-300", "1e-300")] {
            XCTAssertEqual(firstError(valid.replacing("version", with: .raw(text))),
                           "hostile.json:\(at): error: version: unsupported version \(shown) (this adopt reads versions 1 and 2)", text)
        }
        // A version error stops the reading: nothing else is reported, even a broken deployment.
        let both = valid.replacing("version", with: .raw("2")).replacing("deployments[0].region", with: .raw("\"999999\""))
        XCTAssertEqual(load(both).problems.count, 1)
        XCTAssertEqual(firstError(valid.replacing("format", with: .raw("\"adopt.snapshot \""))),
                       "hostile.json:\(valid.at("format")): error: format: \"adopt.snapshot \" is not an adopt snapshot (expected \"adopt.snapshot\")")
    }

    // MARK: Resource limits

    func testNesting100000DeepAnywhereStopsAtTheLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let places = ["title", "deployments[0]", "deployments[0].note", "deployments[0].models", "deployments[0].models[0]",
                      "sources[0]", "sources[0].url", "events", "claims[0].value"]
        for path in places {
            let doc = valid.replacing(path, with: .raw(deep))
            let at = doc.position(of: path)
            // Depth of the value's parent: the top object 1, an array 2, a record 3, a list 4.
            let parentDepth = path.split(separator: ".").count * 2 - 1 + (path.hasSuffix("]") ? 1 : 0)
            let limitAt = at.column + (64 - parentDepth)
            XCTAssertEqual(firstError(doc),
                           "hostile.json:\(at.line):\(limitAt): error: nesting is deeper than the limit of 64 levels", path)
        }
        let objects = String(repeating: "{\"a\":", count: 100_000)
        XCTAssertEqual(firstError(Array(objects.utf8)), "hostile.json:1:321: error: nesting is deeper than the limit of 64 levels")
    }

    func testNestingUpToTheLimitIsAccepted() throws {
        // The top object is level 1: an unknown field may hold 63 more.
        let ok = valid.adding("deep", .raw(String(repeating: "[", count: 63) + String(repeating: "]", count: 63)), to: "")
        let r = load(ok)
        XCTAssertNotNil(r.snapshot)
        XCTAssertEqual(r.problems.map(\.message), ["unknown field (ignored)"])
        let over = valid.adding("deep", .raw(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)), to: "")
        XCTAssertEqual(firstError(over), "hostile.json:\(over.position(of: "deep").line):\(over.position(of: "deep").column + 63): error: nesting is deeper than the limit of 64 levels")
    }

    func testStringLengthLimit() {
        let limit = JSONLimits().maxStringBytes
        XCTAssertEqual(limit, 65_536)
        let atLimit = valid.replacing("title", with: .raw("\"" + String(repeating: "x", count: limit) + "\""))
        XCTAssertEqual(load(atLimit).snapshot?.title?.utf8.count, limit)
        // Counted in bytes of UTF-8: 21,846 three-byte characters are 65,538 bytes.
        let cjk = valid.replacing("title", with: .raw("\"" + String(repeating: "福", count: 21_846) + "\""))
        XCTAssertEqual(firstError(cjk), "hostile.json:5:12: error: string of 65538 bytes is longer than the limit of 65536 bytes")
        for path in ["title", "deployments[0].organization", "deployments[0].note", "deployments[0].models[0]", "sources[0].url",
                     "events[0].title", "claims[0].metric", "deployments[0].id", "deployments[0].region"] {
            let doc = valid.replacing(path, with: .raw("\"" + String(repeating: "x", count: limit + 1) + "\""))
            XCTAssertEqual(firstError(doc),
                           "hostile.json:\(doc.at(path)): error: string of 65537 bytes is longer than the limit of 65536 bytes", path)
        }
        // A field name is a string too.
        let key = String(repeating: "k", count: limit + 1)
        let doc = valid.adding(key, .raw("1"), to: "deployments[0]")
        XCTAssertTrue(firstError(doc)!.hasSuffix("error: string of 65537 bytes is longer than the limit of 65536 bytes"))
    }

    /// 8 MB in one string (the 100 MB one is in Tests/hostile/run.sh, against the release binary).
    func testAnEightMegabyteStringIsRefusedQuickly() {
        let big = valid.replacing("deployments[0].note", with: .raw("\"" + String(repeating: "x", count: 8 << 20) + "\""))
        let bytes = big.bytes
        let start = Date()
        XCTAssertEqual(firstError(bytes), "hostile.json:\(big.at("deployments[0].note")): error: string of 8388608 bytes is longer than the limit of 65536 bytes")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testFileSizeLimitOnDisk() throws {
        let dir = try temporaryDirectory()
        // Sparse files: no disk space is used, and the size check comes before reading.
        let over = dir + "/over.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: over, contents: nil))
        XCTAssertEqual(truncate(over, off_t(SnapshotLoader.maxFileBytes + 1)), 0)
        XCTAssertEqual(SnapshotLoader.load(file: over).problems.map(\.description),
                       ["\(over):1:1: error: the file is 1073741825 bytes; the limit is 1073741824 bytes"])
        // (A file exactly at the limit is read whole, 1 GiB of memory: Tests/hostile/run.sh tries that.)
    }

    /// 100,000 empty deployments (900,000 problems) keep 200, and say how many more there were.
    func testAHundredThousandEmptyDeploymentsAreCappedAt200Problems() {
        let rows = Array(repeating: "{}", count: 100_000).joined(separator: ",")
        let text = "{\"format\":\"adopt.snapshot\",\"version\":1,\"asOf\":\"2025-03-10\",\"sources\":[],\"deployments\":[\(rows)]}"
        let start = Date()
        let r = load(Array(text.utf8))
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertNil(r.snapshot)
        XCTAssertEqual(r.problems.count, 201)
        XCTAssertEqual(r.problems.first?.description, "hostile.json:1:88: error: deployments[0].id: missing required field \"id\"")
        XCTAssertEqual(r.problems.last?.description, "hostile.json:1:1: error: 899800 more problems not shown")
    }

    /// Warnings do not stop a file, however many: 300 unknown fields list 200 and a warning.
    func testMoreThan200WarningsStillLoad() throws {
        var doc = valid
        for k in 0..<300 { doc = doc.adding("extra\(k)", .raw("1"), to: "deployments[0]") }
        let r = load(doc)
        XCTAssertEqual(try XCTUnwrap(r.snapshot).deployments.count, 1)
        XCTAssertEqual(r.problems.count, 201)
        XCTAssertEqual(r.problems.last?.description, "hostile.json:1:1: warning: 100 more problems not shown")
    }

    /// The top-level fields and the deployments are checked by two readers; together they
    /// still list at most 200, and the count of the rest says whether errors were among them.
    func testProblemsOfBothReadersAreCappedTogether() {
        var doc = valid
        for k in 0..<150 { doc = doc.adding("extra\(k)", .raw("1"), to: "") }
        let bad = valid.node(at: "deployments[0]").replacing("region", with: .raw("\"999999\""))
        doc = doc.replacing("deployments", with: .array((0..<150).map { k in bad.replacing("id", with: .raw("\"d\(k)\"")) }))
        // The unknown fields come after the deployments in the file, so the errors are listed first.
        let r = load(doc)
        XCTAssertNil(r.snapshot)
        XCTAssertEqual(r.problems.count, 201)
        XCTAssertEqual(r.problems.filter { $0.severity == .error }.count, 150)
        XCTAssertEqual(r.problems.last?.description, "hostile.json:1:1: warning: 100 more problems not shown")
    }

    func testAHundredThousandTinyValidDeploymentsLoad() throws {
        var text = "{\"format\":\"adopt.snapshot\",\"version\":1,\"asOf\":\"2025-03-10\",\"synthetic\":true,\"sources\":[],\"deployments\":["
        for k in 0..<100_000 {
            if k > 0 { text += "," }
            text += "{\"id\":\"d\(k)\",\"region\":\"440304\",\"organization\":\"o\",\"date\":\"2025-02-15\",\"status\":\"deployed\",\"sector\":\"government\",\"models\":[],\"useCases\":[],\"sources\":[]}"
        }
        text += "]}"
        let start = Date()
        // One plain load: the time bound is for the reader, not for the pieces' comparisons.
        let s = try XCTUnwrap(SnapshotLoader.parse(bytes: Array(text.utf8), file: "hostile.json").snapshot)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(s.deployments.count, 100_000)
        XCTAssertEqual(s.deployments.id(at: 99_999), "d99999")
    }

    /// Sources, events and claims are kept as a tree, so their values are counted: the template
    /// holds 25 of them (the deployments array is streamed and not counted).
    func testTreeValueLimit() {
        func load(_ doc: HostileDocument, limit: Int) -> SnapshotLoader.Result {
            let r = PieceCheck.load(doc.bytes, name: "hostile.json", limits: JSONLimits(maxTreeValues: limit))
            assertContract(r)
            return r
        }
        XCTAssertNotNil(load(valid, limit: 25).snapshot)
        XCTAssertEqual(load(valid, limit: 24).problems.map(\.description),
                       ["hostile.json:\(valid.at("claims[0].source")): error: more than 24 values outside the deployments array (the limit for sources, events and claims)"])
        XCTAssertEqual(JSONLimits().maxTreeValues, 1_000_000)
    }

    /// Unknown fields and values of the wrong kind are checked but not kept: they count against
    /// no limit (a million deployments may each carry one) and cost no memory.
    func testIgnoredValuesAreNotKept() {
        let zeros = HostileDocument.raw("[" + Array(repeating: "0", count: 10_000).joined(separator: ",") + "]")
        let doc = valid.adding("extra", zeros, to: "").adding("extra", zeros, to: "deployments[0]")
        let r = PieceCheck.load(doc.bytes, name: "hostile.json", limits: JSONLimits(maxTreeValues: 25))
        XCTAssertNotNil(r.snapshot)
        XCTAssertEqual(r.problems.map(\.message), ["unknown field (ignored)", "unknown field (ignored)"])
        let wrong = valid.replacing("deployments[0].models", with: .raw("{\"a\": \(zeros.text)}"))
        let w = PieceCheck.load(wrong.bytes, name: "hostile.json", limits: JSONLimits(maxTreeValues: 25))
        XCTAssertEqual(w.problems.map(\.description),
                       ["hostile.json:\(wrong.at("deployments[0].models")): error: deployments[0].models: expected an array of strings, found object"])
        // Not kept is still checked: a duplicate key or a bad escape deep inside is an error.
        let dup = valid.adding("extra", .raw("[{\"k\": 1, \"k\": 2}]"), to: "deployments[0]")
        XCTAssertTrue(firstError(dup)!.hasSuffix("error: duplicate field name \"k\" in the same object"))
        let escape = valid.adding("extra", .raw("[\"\\q\"]"), to: "")
        XCTAssertTrue(firstError(escape)!.hasSuffix("error: invalid escape sequence \\q"))
    }

    /// A flood of newlines used to cost 8 bytes of memory per line for the line table; the
    /// positions are now found in one pass. 4 million lines, an error on the last.
    func testFourMillionLinesThenAnError() {
        let bytes = Array(repeating: UInt8(0x0A), count: 4_000_000) + Array("{\"format\": x}".utf8)
        XCTAssertEqual(firstError(bytes), "hostile.json:4000001:12: error: expected a value, found 'x'")
    }

    func testLineIndexAnswersInAnyOrder() {
        let bytes = Array("ab\n福田\n\nxyz".utf8)
        bytes.withUnsafeBufferPointer { b in
            var index = LineIndex(b)
            let offsets = [0, 2, 3, 6, 9, 10, 11, 13, 99, -5]
            let expected = ["1:1", "1:3", "2:1", "2:2", "2:3", "3:1", "4:1", "4:3", "4:4", "1:1"]
            XCTAssertEqual(offsets.map { let p = index.position(of: $0); return "\(p.line):\(p.column)" }, expected)
            XCTAssertEqual(offsets.reversed().map { let p = index.position(of: $0); return "\(p.line):\(p.column)" },
                           expected.reversed())
        }
    }

    // MARK: Duplicates

    func testDuplicateKeysAtEveryLevel() {
        let cases: [(object: String, key: String, value: HostileDocument)] = [
            ("", "format", .raw("\"adopt.snapshot\"")),
            ("", "deployments", .raw("[]")),
            ("sources[0]", "id", .raw("\"s2\"")),
            ("deployments[0]", "id", .raw("\"b\"")),
            ("deployments[0]", "note", .raw("\"again\"")),
            ("events[0]", "title", .raw("\"again\"")),
            ("claims[0]", "value", .raw("1")),
        ]
        for c in cases {
            let doc = valid.adding(c.key, c.value, to: c.object)
            let keyAt = doc.position(of: c.object.isEmpty ? c.key : "\(c.object).\(c.key)")
            // The error points at the second key, which is the field's last line.
            let column = keyAt.column - c.key.count - 4
            XCTAssertEqual(firstError(doc), "hostile.json:\(keyAt.line):\(column): error: duplicate field name \"\(c.key)\" in the same object",
                           "\(c.object).\(c.key)")
        }
        // An unknown field twice, and the same name spelled with an escape.
        let unknown = valid.adding("budget", .raw("1"), to: "deployments[0]").adding("budget", .raw("2"), to: "deployments[0]")
        XCTAssertTrue(firstError(unknown)!.hasSuffix("error: duplicate field name \"budget\" in the same object"))
        for object in ["", "deployments[0]", "sources[0]"] {
            let key = object.isEmpty ? "asOf" : "id"
            let escaped = valid.adding(String(key.dropLast()) + "\\u00" + String(key.unicodeScalars.last!.value, radix: 16), .raw("\"x\""), to: object)
            XCTAssertTrue(firstError(escaped)!.hasSuffix("error: duplicate field name \"\(key)\" in the same object"), object)
        }
    }

    func testDuplicateIDs() {
        let row = valid.node(at: "deployments[0]")
        let three = valid.replacing("deployments", with: .array([row, row, row]))
        XCTAssertEqual(load(three).problems.map(\.description), [
            "hostile.json:\(three.at("deployments[1].id")): error: deployments[1].id: duplicate id \"a\" (first used by deployments[0])",
            "hostile.json:\(three.at("deployments[2].id")): error: deployments[2].id: duplicate id \"a\" (first used by deployments[0])",
        ])
        let source = valid.node(at: "sources[0]")
        let twice = valid.replacing("sources", with: .array([source, source]))
        XCTAssertEqual(firstError(twice), "hostile.json:\(twice.at("sources[1].id")): error: sources[1].id: duplicate source id \"s1\"")
    }

    // MARK: Values

    func testUnknownRegionsAndMalformedCodes() {
        for path in ["deployments[0].region", "events[0].region", "claims[0].region"] {
            func err(_ code: String) -> String? { firstError(valid.replacing(path, with: .raw("\"\(code)\""))) }
            let at = valid.at(path)
            XCTAssertEqual(err("999999"), "hostile.json:\(at): error: \(path): unknown region code 999999 (not in the GB/T 2260 gazetteer)")
            XCTAssertEqual(err("440399"), "hostile.json:\(at): error: \(path): unknown region code 440399 (not in the GB/T 2260 gazetteer)")
            // An empty code is "not empty" where the field is required (claims), malformed elsewhere.
            let empty = path.hasPrefix("claims") ? [] : [""]
            for bad in ["44030", "4403041", "44030a", " 440304", "-44030", "４４０３０４", "440304\\u0000"] + empty {
                let shown = bad == "440304\\u0000" ? "440304␀" : bad
                XCTAssertEqual(err(bad), "hostile.json:\(at): error: \(path): \"\(shown)\" is not a six-digit region code", bad)
            }
        }
        let country = valid.replacing("deployments[0].region", with: .raw("\"000000\""))
        XCTAssertEqual(firstError(country), "hostile.json:19:17: error: deployments[0].region: 000000 (the whole country) is not allowed here; use a province, prefecture or county code")
    }

    func testUnknownStatusesAndSectors() {
        let statuses = "announced, training, piloting, deployed, suspended"
        for bad in ["Deployed", "deployed ", "", "live", "DEPLOYED", "已部署"] {
            XCTAssertEqual(firstError(valid.replacing("deployments[0].status", with: .raw("\"\(bad)\""))),
                           "hostile.json:\(valid.at("deployments[0].status")): error: deployments[0].status: unknown status \"\(bad)\" (expected one of: \(statuses))")
        }
        XCTAssertEqual(firstError(valid.replacing("deployments[0].sector", with: .raw("\"Government\""))),
                       "hostile.json:\(valid.at("deployments[0].sector")): error: deployments[0].sector: unknown sector \"Government\" (expected one of: government, public-service, enterprise)")
    }

    func testImpossibleAndOutOfRangeDatesInEveryDateField() {
        let dateFields = ["asOf", "sources[0].date", "deployments[0].date", "events[0].date", "claims[0].date"]
        let impossible = ["2025-02-30", "2023-02-29", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                          "0000-01-01", "2025-2-3", "2025/02/15", "2025-02-15T00:00:00Z", "20250215", "２０２５-02-15"]
        for path in dateFields {
            let at = valid.at(path)
            for text in impossible {
                XCTAssertEqual(firstError(valid.replacing(path, with: .raw("\"\(text)\""))),
                               "hostile.json:\(at): error: \(path): \"\(text)\" is not a valid date (expected YYYY-MM-DD, a real calendar day)",
                               "\(path) = \(text)")
            }
            for text in ["9999-12-31", "2101-01-01", "1949-09-30", "0001-01-01"] {
                XCTAssertEqual(firstError(valid.replacing(path, with: .raw("\"\(text)\""))),
                               "hostile.json:\(at): error: \(path): date \(text) is outside 1949-10-01 ... 2100-12-31",
                               "\(path) = \(text)")
            }
        }
        // The edges of the range, and a leap day, are real days.
        XCTAssertNil(firstError(valid.replacing("deployments[0].date", with: .raw("\"1949-10-01\""))))
        XCTAssertNil(firstError(valid.replacing("deployments[0].date", with: .raw("\"2024-02-29\""))))
        XCTAssertNil(firstError(valid.replacing("asOf", with: .raw("\"2100-12-31\""))))
    }

    func testDanglingSourceIDsEverywhere() {
        let deployment = valid.replacing("deployments[0].sources[0]", with: .raw("\"s9\""))
        XCTAssertEqual(firstError(deployment),
                       "hostile.json:\(deployment.at("deployments[0].sources[0]")): error: deployments[0].sources[0]: dangling source id \"s9\" (not in this file's sources)")
        for path in ["events[0].source", "claims[0].source"] {
            XCTAssertEqual(firstError(valid.replacing(path, with: .raw("\"s9\""))),
                           "hostile.json:\(valid.at(path)): error: \(path): source id \"s9\" is not in this file's sources")
        }
        // No sources at all: every use dangles.
        let none = valid.replacing("sources", with: .raw("[]"))
        XCTAssertEqual(load(none).problems.filter { $0.severity == .error }.count, 3)
    }

    // MARK: Terminal safety

    /// Every text field, every hostile sample: the file loads and the value is shown inert.
    func testHostileTextIsCleanedInEveryTextField() throws {
        let textFields = ["title", "sources[0].publisher", "sources[0].title", "sources[0].url",
                          "deployments[0].organization", "deployments[0].note", "deployments[0].models[0]",
                          "deployments[0].useCases[0]", "events[0].title", "claims[0].metric"]
        var tried = 0
        for sample in HostileText.samples + HostileText.raw {
            for path in textFields {
                let doc = valid.replacing(path, with: .raw("\"\(sample.json)\""))
                let s = try XCTUnwrap(load(doc).snapshot, "\(sample.name) in \(path)")
                let values = allText(of: s)
                XCTAssertTrue(values.contains(sample.cleaned), "\(sample.name) in \(path)")
                for v in values { XCTAssertTrue(HostileText.isInert(v), "\(sample.name) in \(path): \(v.debugDescription)") }
                tried += 1
            }
        }
        XCTAssertEqual(tried, 160)
    }

    /// A source id with controls in it is cleaned alike wherever it appears, so references still match.
    func testHostileSourceIDStillMatchesItsUses() throws {
        let id = "\"s\\u001b[2J\""
        let doc = valid.replacing("sources[0].id", with: .raw(id)).replacing("deployments[0].sources[0]", with: .raw(id))
            .replacing("events[0].source", with: .raw(id)).replacing("claims[0].source", with: .raw(id))
        let s = try XCTUnwrap(load(doc).snapshot)
        XCTAssertEqual(s.sources.map(\.id), ["s␛[2J"])
        XCTAssertEqual(s.claims.first?.source, "s␛[2J")
    }

    /// Values quoted back in messages, field names and file names: every message is inert.
    func testHostileTextInMessagesIsShownInert() {
        let quoting = ["deployments[0].id", "deployments[0].region", "deployments[0].date", "deployments[0].status",
                       "deployments[0].sector", "deployments[0].sources[0]", "asOf", "format", "sources[0].date",
                       "events[0].region", "events[0].source", "claims[0].region", "claims[0].source", "claims[0].date"]
        var tried = 0
        for sample in HostileText.samples + HostileText.raw {
            for path in quoting {
                let r = load(valid.replacing(path, with: .raw("\"\(sample.json)\"")))
                XCTAssertNil(r.snapshot, "\(sample.name) in \(path)")
                XCTAssertTrue(r.problems.contains { $0.path == path && $0.description.contains(sample.cleaned) },
                              "\(sample.name) in \(path): \(r.problems)")
                tried += 1
            }
            // As field names: unknown (a warning naming it) and repeated (an error naming it).
            for object in ["", "sources[0]", "deployments[0]", "events[0]"] {
                let unknown = valid.adding(sample.json, .raw("1"), to: object)
                XCTAssertTrue(load(unknown).problems.contains { $0.description.contains(sample.cleaned) }, "\(sample.name) as a key in \(object)")
                let twice = unknown.adding(sample.json, .raw("2"), to: object)
                XCTAssertTrue(firstError(twice)!.contains("duplicate field name \"\(sample.cleaned)\""), "\(sample.name) twice in \(object)")
                tried += 2
            }
        }
        XCTAssertEqual(tried, 16 * 14 + 16 * 8)
        // A file name from a directory listing is shown inert too.
        let r = load(Array("{".utf8), file: "data/\u{1B}]0;pwned\u{07}\u{202E}.json")
        XCTAssertEqual(r.problems.first?.description,
                       "data/␛]0;pwned␇⟨U+202E⟩.json:1:2: error: unexpected end of file (the file is truncated or incomplete)")
    }

    // MARK: Files that are not files

    func testAFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let dir = try temporaryDirectory()
        let fifo = dir + "/pipe.json"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Thread.detachNewThread {
            box.problems = SnapshotLoader.load(file: fifo).problems.map(\.description)
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success, "opening a FIFO blocked")
        XCTAssertEqual(box.problems, ["\(fifo):0:0: error: cannot read the file (missing, not a regular file, or not readable)"])
    }

    func testDirectoriesAndDevicesNamedLikeSnapshots() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/sub.json", withIntermediateDirectories: false)
        try Data(valid.bytes).write(to: URL(fileURLWithPath: dir + "/ok.json"))
        let data = DataSet.load(paths: [dir])
        XCTAssertEqual(data.snapshots.count, 1)
        XCTAssertEqual(data.problems.map(\.description),
                       ["\(dir)/sub.json:0:0: error: cannot read the file (missing, not a regular file, or not readable)"])
        XCTAssertEqual(SnapshotLoader.load(file: "/dev/null").problems.map(\.message),
                       ["cannot read the file (missing, not a regular file, or not readable)"])
    }

    // MARK: Helpers

    final class ResultBox: @unchecked Sendable { var problems: [String] = [] }

    func allText(of s: Snapshot) -> [String] {
        var out = [s.title ?? ""]
        for src in s.sources { out += [src.id, src.publisher, src.title ?? "", src.url ?? ""] }
        for d in s.deployments { out += [d.id, d.organization, d.note ?? ""] + d.models + d.useCases + d.sources }
        for e in s.events { out += [e.title, e.source ?? ""] }
        for c in s.claims { out += [c.metric, c.source] }
        return out
    }

    func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<i + needle.count].elementsEqual(needle) { return i }
        return nil
    }

    func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "adopt-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }
}
