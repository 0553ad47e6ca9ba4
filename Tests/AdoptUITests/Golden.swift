import AdoptUI
import Foundation
import XCTest

/// Compares a rendered grid with `Goldens/<named>.txt` next to the calling test file.
///
/// The file holds `grid.text` (trailing spaces trimmed per line) so it reads like the screen.
/// Run with `RECORD_GOLDENS=1` to rewrite goldens on purpose; a missing golden is written and the
/// test fails ("recorded golden, re-run") so a new golden is never silently accepted unread.
func assertGolden(_ grid: Grid, named: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = grid.text
    let url = URL(fileURLWithPath: "\(file)")
        .deletingLastPathComponent()
        .appendingPathComponent("Goldens")
        .appendingPathComponent("\(named).txt")
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)

    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
        } catch {
            XCTFail("could not write golden \(url.path): \(error)", file: file, line: line)
            return
        }
        if existing == nil {
            XCTFail("recorded golden, re-run: \(url.path)", file: file, line: line)
        }
        return
    }

    var expected = existing!
    if expected.hasSuffix("\n") { expected.removeLast() }
    guard expected != actual else { return }
    XCTFail("golden \(named) differs:\n" + goldenDiff(expected: expected, actual: actual),
            file: file, line: line)
}

/// A line-by-line report of differing lines, numbered from 1, so a failure shows exactly
/// which screen rows changed.
func goldenDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : nil
        let al = i < a.count ? String(a[i]) : nil
        guard el != al else { continue }
        let n = String(i + 1)
        out.append("line \(n):")
        out.append("  expected: " + (el.map { "|\($0)|" } ?? "(no line)"))
        out.append("  actual:   " + (al.map { "|\($0)|" } ?? "(no line)"))
    }
    if e.count != a.count { out.append("expected \(e.count) lines, got \(a.count)") }
    return out.joined(separator: "\n")
}
