@testable import AdoptTerminal
import XCTest

final class PollTimeoutTests: XCTestCase {
    func testRoundsUpToWholeMilliseconds() {
        XCTAssertEqual(Terminal.pollTimeout(.milliseconds(250)), 250)
        XCTAssertEqual(Terminal.pollTimeout(.microseconds(1)), 1)       // never 0 before the deadline
        XCTAssertEqual(Terminal.pollTimeout(.microseconds(1500)), 2)
        XCTAssertEqual(Terminal.pollTimeout(.seconds(3)), 3000)
    }

    func testPassedDeadlineDoesNotBlock() {
        XCTAssertEqual(Terminal.pollTimeout(.zero), 0)
        XCTAssertEqual(Terminal.pollTimeout(.milliseconds(-5)), 0)
    }

    func testHugeDurationIsCapped() {
        XCTAssertEqual(Terminal.pollTimeout(.seconds(10_000_000)), Int32.max)
    }
}
