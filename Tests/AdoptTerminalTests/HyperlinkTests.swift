@testable import AdoptTerminal
import AdoptUI
import XCTest

/// OSC 8 hyperlinks written past ncurses: only safe URIs, the exact bytes, only the runs
/// ncurses redrew, and `--hyperlinks auto` on for the terminals known to show them.
final class HyperlinkTests: XCTestCase {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: The URI

    func testURIKeepsPrintableASCIIAndPercentEncodesTheRest() {
        XCTAssertEqual(HyperlinkWriter.uri(for: "https://example.org/a;b?x=1&y=2#top"),
                       "https://example.org/a;b?x=1&y=2#top", "; is a URI character: the URI runs to ST")
        XCTAssertEqual(HyperlinkWriter.uri(for: "http://example.org/a b"), "http://example.org/a%20b")
        XCTAssertEqual(HyperlinkWriter.uri(for: "https://例子.cn/新闻"),
                       "https://%E4%BE%8B%E5%AD%90.cn/%E6%96%B0%E9%97%BB")
        XCTAssertEqual(HyperlinkWriter.uri(for: "HTTPS://EXAMPLE.ORG/"), "HTTPS://EXAMPLE.ORG/")
    }

    func testURIRefusesOtherSchemesAndControlCharacters() {
        for url in ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/", "example.org",
                    "https://x/\u{1B}]8;;http://evil/\u{1B}\\", "https://x/\u{7}", "https://x/\u{9C}",
                    // What TextSafety leaves of a URL that had ESC or a bidi override in it.
                    "http://x/LNK␛]8;;http://evil.example/", "https://x/⟨U+202E⟩txt"] {
            XCTAssertNil(HyperlinkWriter.uri(for: url), url)
        }
        XCTAssertNil(HyperlinkWriter.uri(for: "https://x/" + String(repeating: "a", count: 2100)), "too long")
    }

    // MARK: The bytes

    func cells(_ s: String, style: Style = .plain) -> ArraySlice<Cell> {
        var grid = Grid(width: DisplayWidth.of(s), height: 1)
        grid.put(s, row: 0, column: 0, style: style)
        return grid.cells[...]
    }

    func testBytesSaveMoveLinkWriteUnlinkRestore() {
        let bytes = HyperlinkWriter.bytes(row: 2, column: 3, cells: cells("a;b"), uri: "https://x.example/a;b",
                                          id: 4, sgr: { _ in "\u{1B}[0m" })
        XCTAssertEqual(text(bytes),
                       "\u{1B}7\u{1B}[3;4H\u{1B}]8;id=adopt-4;https://x.example/a;b\u{1B}\\\u{1B}[0ma;b\u{1B}]8;;\u{1B}\\\u{1B}8")
    }

    func testBytesNeverCarryAControlCharacterFromTheText() {
        var grid = Grid(width: 4, height: 1)
        grid[0, 0] = Cell(text: "\u{1B}")
        grid[0, 1] = Cell(text: "\u{9B}")
        grid[0, 2] = Cell(text: "\u{7}")
        grid[0, 3] = Cell(text: "x")
        let bytes = HyperlinkWriter.bytes(row: 0, column: 0, cells: grid.cells[...], uri: "https://x/", id: 0,
                                          sgr: { _ in "" })
        let link = "\u{1B}]8;id=adopt-0;https://x/\u{1B}\\", end = "\u{1B}]8;;\u{1B}\\"
        XCTAssertEqual(text(bytes), "\u{1B}7\u{1B}[1;1H" + link + "\u{FFFD}\u{1B}[1;2H\u{FFFD}\u{1B}[1;3H\u{FFFD}\u{1B}[1;4Hx"
                       + end + "\u{1B}8")
        // Between the link's ST and the closing OSC, no ESC, BEL or C1 byte: only the text.
        let inner = text(bytes).components(separatedBy: link)[1].components(separatedBy: end)[0]
        XCTAssertFalse(inner.unicodeScalars.contains { $0.value == 0x07 || (0x80...0x9F).contains($0.value) })
    }

    func testNonASCIITextIsPlacedCellByCell() {
        // A wide character covers two columns: the next cell is placed explicitly after it.
        let bytes = HyperlinkWriter.bytes(row: 0, column: 10, cells: cells("新闻/a"), uri: "https://x/", id: 1,
                                          sgr: { _ in "" })
        XCTAssertEqual(text(bytes), "\u{1B}7\u{1B}[1;11H\u{1B}]8;id=adopt-1;https://x/\u{1B}\\新\u{1B}[1;13H闻\u{1B}[1;15H/a"
                       + "\u{1B}]8;;\u{1B}\\\u{1B}8")
    }

    func testUnlinkingRunHasNoOSC8() {
        let bytes = HyperlinkWriter.bytes(row: 0, column: 0, cells: cells("ab"), uri: nil, id: 0, sgr: { _ in "" })
        XCTAssertEqual(text(bytes), "\u{1B}7\u{1B}[1;1Hab\u{1B}8")
    }

    func testSGRMatchesTheCursesStyle() {
        let deep = CursesStyles(depth: .palette256, hasDefaultColors: true, pairLimit: 256)
        XCTAssertEqual(deep.sgr(Theme.link), "\u{1B}[0;4m")
        XCTAssertEqual(deep.sgr(Style(foreground: .palette(153), background: .blue, bold: true)),
                       "\u{1B}[0;1;38;5;153;44m")
        let sixteen = CursesStyles(depth: .sixteen, hasDefaultColors: false, pairLimit: 64)
        XCTAssertEqual(sixteen.sgr(Style(foreground: .gray)), "\u{1B}[0;90;40m")
        let mono = CursesStyles(depth: .none, hasDefaultColors: false, pairLimit: 0)
        XCTAssertEqual(mono.sgr(Style(foreground: .red, reverse: true, dim: true)), "\u{1B}[0;2;7m")
    }

    // MARK: Which runs are written

    func frame(_ rows: [(String, url: String?)]) -> Grid {
        var grid = Grid(width: 20, height: rows.count)
        for (r, row) in rows.enumerated() {
            grid.put(row.0, row: r, column: 0)
            if let url = row.url { grid.link(url, row: r, column: 0, width: DisplayWidth.of(row.0)) }
        }
        return grid
    }

    func testOnlyRunsNcursesRedrewAreWrittenAgain() {
        let a = frame([("https://a/", "https://a/"), ("plain", nil), ("https://b/", "https://b/")])
        XCTAssertEqual(HyperlinkWriter.runs(old: nil, new: a).map(\.row), [0, 2], "nothing on screen: all")
        XCTAssertTrue(HyperlinkWriter.runs(old: a, new: a).isEmpty, "unchanged: the links are still there")
        // Row 2 now holds another URL (same characters where they overlap): written again.
        let b = frame([("https://a/", "https://a/"), ("plain", nil), ("https://bb/", "https://bb/")])
        XCTAssertEqual(HyperlinkWriter.runs(old: a, new: b).map(\.row), [2])
        // Row 0 lost its link but shows the same text: ncurses left it, so it is written plain.
        let c = frame([("https://a/", nil), ("plain", nil), ("https://bb/", "https://bb/")])
        // Row 2's URL is now the frame's first link, but its cells and URL are as before: left.
        let runs = HyperlinkWriter.runs(old: b, new: c)
        XCTAssertEqual(runs.map(\.row), [0])
        XCTAssertEqual(runs.last?.width, 10)
        XCTAssertNil(runs.last?.link)
    }

    // MARK: --hyperlinks auto

    func enabled(_ env: [String: String], _ mode: HyperlinkMode = .auto) -> Bool {
        mode.isEnabled(environment: { env[$0] })
    }

    func testAutoIsOnForTerminalsKnownToShowLinks() {
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "VTE_VERSION": "7600"]))
        XCTAssertTrue(enabled(["TERM": "xterm-kitty"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]))
        XCTAssertTrue(enabled(["TERM": "foot"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "WT_SESSION": "abc"]))
        XCTAssertTrue(enabled(["TERM": "tmux-256color", "TMUX": "/tmp/s,1,0", "TERM_PROGRAM": "tmux",
                               "TERM_PROGRAM_VERSION": "3.4"]))
        XCTAssertTrue(enabled(["TERM": "tmux-256color", "TMUX": "/tmp/s,1,0", "TERM_PROGRAM": "tmux",
                               "TERM_PROGRAM_VERSION": "next-3.6"]))
    }

    func testAutoIsOffUnderTmux33ScreenAndUnknownTerminals() {
        XCTAssertFalse(enabled(["TERM": "screen-256color", "TMUX": "/tmp/s,1,0", "TERM_PROGRAM": "tmux",
                                "TERM_PROGRAM_VERSION": "3.3a"]))
        // The outer terminal's variables leak into tmux: tmux decides.
        XCTAssertFalse(enabled(["TERM": "tmux-256color", "TMUX": "/tmp/s,1,0", "TERM_PROGRAM": "tmux",
                                "TERM_PROGRAM_VERSION": "3.2a", "VTE_VERSION": "7600"]))
        XCTAssertFalse(enabled(["TERM": "screen", "STY": "1.pts", "VTE_VERSION": "7600"]))
        XCTAssertFalse(enabled(["TERM": "xterm-256color"]))
        XCTAssertFalse(enabled(["TERM": "xterm-256color", "VTE_VERSION": "4803"]))
        XCTAssertFalse(enabled(["TERM": "linux"]))
        XCTAssertFalse(enabled([:]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color"], .always))
        XCTAssertFalse(enabled(["TERM": "xterm-kitty"], .never))
    }
}
