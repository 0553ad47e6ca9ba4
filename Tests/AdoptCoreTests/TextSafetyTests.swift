import AdoptCore
import XCTest

final class TextSafetyTests: XCTestCase {
    func testEscapeSequencesAreShownInert() {
        XCTAssertEqual(TextSafety.clean("a\u{1B}[2Jb"), "a␛[2Jb")
        XCTAssertEqual(TextSafety.clean("\u{1B}]0;pwned\u{07}"), "␛]0;pwned␇")
        XCTAssertEqual(TextSafety.clean("\u{1B}]52;c;Zm9v\u{1B}\\"), "␛]52;c;Zm9v␛\\")
        XCTAssertEqual(TextSafety.clean("\u{9B}6n"), "⟨U+009B⟩6n")
        XCTAssertEqual(TextSafety.clean("tab\there\nnew"), "tab␉here␊new")
        XCTAssertEqual(TextSafety.clean("del\u{7F}"), "del␡")
    }

    func testBidiOverridesAreShownInert() {
        XCTAssertEqual(TextSafety.clean("abc\u{202E}fed"), "abc⟨U+202E⟩fed")
        XCTAssertEqual(TextSafety.clean("\u{2066}x\u{2069}"), "⟨U+2066⟩x⟨U+2069⟩")
    }

    func testSafeTextIsUnchanged() {
        for s in ["福田区 digital employees", "Ürümqi", "", "emoji 🚀"] {
            XCTAssertEqual(TextSafety.clean(s), s)
            XCTAssertFalse(TextSafety.needsCleaning(s))
        }
    }

    func testLoaderCleansEveryStringItReads() throws {
        let text = LoaderErrorTests.valid.replacingOccurrences(of: "Futian 福田区", with: "Futian\\u001b[2J\\u202e")
        let s = try XCTUnwrap(SnapshotLoader.parse(bytes: Array(text.utf8), file: "t.json").snapshot)
        XCTAssertEqual(s.deployments[0].organization, "Futian␛[2J⟨U+202E⟩")
    }
}
