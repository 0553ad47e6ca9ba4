@testable import AdoptTerminal
import XCTest

final class SynchronizedOutputTests: XCTestCase {
    // MARK: the bytes around a frame

    func testTheBracketIsDECPrivateMode2026() {
        XCTAssertEqual(FrameWrites.begin, [0x1B, 0x5B, 0x3F, 0x32, 0x30, 0x32, 0x36, 0x68])  // ESC [ ? 2 0 2 6 h
        XCTAssertEqual(FrameWrites.end, [0x1B, 0x5B, 0x3F, 0x32, 0x30, 0x32, 0x36, 0x6C])    // ESC [ ? 2 0 2 6 l
    }

    func testAFrameNcursesDrawsOpensBeforeItsCellsAndClosesAfterItsLinks() {
        let links: [UInt8] = Array("\u{1B}7\u{1B}[1;1H\u{1B}]8;id=adopt-0;https://a/\u{1B}\\x\u{1B}]8;;\u{1B}\\\u{1B}8".utf8)
        let writes = FrameWrites(cursesDraws: true, links: links, synchronized: true)
        XCTAssertEqual(writes.beforeCurses, Array("\u{1B}[?2026h".utf8))
        XCTAssertEqual(writes.afterCurses, links + Array("\u{1B}[?2026l".utf8))
        // No links: the end alone follows ncurses' bytes.
        let plain = FrameWrites(cursesDraws: true, links: [], synchronized: true)
        XCTAssertEqual(plain.beforeCurses, FrameWrites.begin)
        XCTAssertEqual(plain.afterCurses, FrameWrites.end)
    }

    func testLinksAloneAreBracketedInOneWrite() {
        let links: [UInt8] = Array("\u{1B}7\u{1B}[3;4Hab\u{1B}8".utf8)
        let writes = FrameWrites(cursesDraws: false, links: links, synchronized: true)
        XCTAssertEqual(writes.beforeCurses, [])
        XCTAssertEqual(writes.afterCurses, FrameWrites.begin + links + FrameWrites.end)
    }

    func testNothingToSendSendsNoEmptyBracket() {
        XCTAssertEqual(FrameWrites(cursesDraws: false, links: [], synchronized: true),
                       FrameWrites(cursesDraws: false, links: [], synchronized: false))
        XCTAssertEqual(FrameWrites(cursesDraws: false, links: [], synchronized: true).afterCurses, [])
    }

    func testAFrameAfterAResizeOnlyClosesTheBracketOpenedForIt() {
        let links: [UInt8] = Array("\u{1B}7x\u{1B}8".utf8)
        let drawn = FrameWrites(cursesDraws: true, links: links, synchronized: true, opened: true)
        XCTAssertEqual(drawn.beforeCurses, [], "never a second begin")
        XCTAssertEqual(drawn.afterCurses, links + FrameWrites.end)
        // Even with nothing of its own to send, the frame closes the bracket.
        let empty = FrameWrites(cursesDraws: false, links: [], synchronized: true, opened: true)
        XCTAssertEqual(empty.beforeCurses, [])
        XCTAssertEqual(empty.afterCurses, FrameWrites.end)
        // Off, nothing was opened and nothing closes.
        XCTAssertEqual(FrameWrites(cursesDraws: false, links: [], synchronized: false, opened: true).afterCurses, [])
    }

    func testOffSendsTheLinksAsBefore() {
        let links: [UInt8] = Array("\u{1B}7x\u{1B}8".utf8)
        let writes = FrameWrites(cursesDraws: true, links: links, synchronized: false)
        XCTAssertEqual(writes.beforeCurses, [])
        XCTAssertEqual(writes.afterCurses, links)
        XCTAssertEqual(FrameWrites(cursesDraws: true, links: [], synchronized: false).afterCurses, [])
    }

    // MARK: --sync-output auto

    func enabled(_ env: [String: String], _ mode: SyncOutputMode = .auto) -> Bool {
        mode.isEnabled(environment: { env[$0] })
    }

    func testAutoIsOnForTerminalsKnownToHonourIt() {
        XCTAssertTrue(enabled(["TERM": "xterm-kitty"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]))
        XCTAssertTrue(enabled(["TERM": "foot"]))
        XCTAssertTrue(enabled(["TERM": "foot-extra"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"]))
        XCTAssertTrue(enabled(["TERM": "xterm-ghostty"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "TERM_PROGRAM": "ghostty"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        XCTAssertTrue(enabled(["TERM": "alacritty"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "ALACRITTY_WINDOW_ID": "1"]))
        XCTAssertTrue(enabled(["TERM": "contour"]))
        XCTAssertTrue(enabled(["TERM": "xterm-256color", "WT_SESSION": "abc"]))
        XCTAssertTrue(enabled(["TERM": "xterm", "TERM_PROGRAM": "mintty"]))
    }

    func testAutoIsOffInMultiplexersAndUnknownTerminals() {
        // tmux 3.3a (this machine's) logs 2026 as unknown; 3.7's first releases mishandle it.
        XCTAssertFalse(enabled(["TERM": "screen-256color", "TMUX": "/tmp/s,1,0", "TERM_PROGRAM": "tmux",
                                "TERM_PROGRAM_VERSION": "3.3a"]))
        XCTAssertFalse(enabled(["TERM": "tmux-256color", "TMUX": "/tmp/s,1,0", "TERM_PROGRAM": "tmux",
                                "TERM_PROGRAM_VERSION": "3.7b"]))
        // The outer terminal's variables leak into tmux and screen: the multiplexer decides.
        XCTAssertFalse(enabled(["TERM": "tmux-256color", "TMUX": "/tmp/s,1,0", "KITTY_WINDOW_ID": "1"]))
        XCTAssertFalse(enabled(["TERM": "screen", "STY": "1.pts", "TERM_PROGRAM": "WezTerm"]))
        XCTAssertFalse(enabled(["TERM": "screen.xterm-256color", "ALACRITTY_WINDOW_ID": "1"]))
        XCTAssertFalse(enabled(["TERM": "xterm-256color"]))
        XCTAssertFalse(enabled(["TERM": "xterm-256color", "VTE_VERSION": "7600"]))
        XCTAssertFalse(enabled(["TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"]))
        XCTAssertFalse(enabled(["TERM": "linux"]))
        XCTAssertFalse(enabled(["TERM": "dumb", "KITTY_WINDOW_ID": "1"]))
        XCTAssertFalse(enabled(["TERM": "xterm-kitty", "TMUX": "/tmp/s,1,0"]))
        // Empty values count as unset.
        XCTAssertFalse(enabled(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "", "WT_SESSION": ""]))
        XCTAssertFalse(enabled([:]))
    }

    func testAlwaysAndNeverIgnoreTheEnvironment() {
        XCTAssertTrue(enabled(["TERM": "screen-256color", "TMUX": "/tmp/s,1,0"], .always))
        XCTAssertTrue(enabled([:], .always))
        XCTAssertFalse(enabled(["TERM": "xterm-kitty"], .never))
        XCTAssertEqual(SyncOutputMode.allCases.map(\.rawValue), ["auto", "always", "never"])
    }
}
