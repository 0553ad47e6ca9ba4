import AdoptCore
@testable import AdoptUI
import XCTest

/// Playback speed, event captions and the timeline's playback indicator. Dates are worked out
/// by hand against the shipped events: the range is 2025-02-01...2025-03-31, and its only
/// events are the Government Work Report and the Manus beta, both on 2025-03-05 (R1's
/// release, 2025-01-20, is before the range).
final class PlaybackTests: XCTestCase {
    let d = TestStore.day

    func testPlusAndMinusStepThroughTheSpeedsAndStopAtTheEnds() {
        var app = TestStore.app()
        XCTAssertEqual(app.presentation.speed.long, "4 days/s")
        app.handle(.character(" "))
        XCTAssertEqual(app.tickInterval, .milliseconds(250))
        app.handle(.character("+"))
        XCTAssertEqual(app.tickInterval, .milliseconds(125))
        app.handle(.character("="))
        XCTAssertEqual(app.tickInterval, .microseconds(62_500))
        XCTAssertEqual(app.presentation.speed.long, "16 days/s")
        app.handle(.character("+"))
        XCTAssertEqual(app.tickInterval, .microseconds(62_500), "16 days/s is the fastest")
        app.handle([.character("-"), .character("-"), .character("-"), .character("-")])
        XCTAssertEqual(app.presentation.speed.long, "1 day/s")
        XCTAssertEqual(app.tickInterval, .seconds(1))
        app.handle([.character("-"), .character("-")])
        XCTAssertEqual(app.tickInterval, .seconds(2), "half a day per second is the slowest")
        XCTAssertEqual(app.presentation.speed.long, "0.5 days/s")
        XCTAssertEqual(app.presentation.speed.short, "0.5d/s")
        // The speed changes how often, never how far: each tick is one day.
        let before = app.date
        app.tick()
        XCTAssertEqual(app.date, before.adding(days: 1))
    }

    func testPassingAnEventCaptionsItAndHoldsTheNextTick() throws {
        var app = try Shipped.app()
        app.setDate(d("2025-03-02"))
        XCTAssertNil(app.caption)
        app.handle(.character(" "))
        app.tick()  // 03-03
        app.tick()  // 03-04
        XCTAssertEqual(app.date, d("2025-03-04"))
        XCTAssertNil(app.eventCaption)
        XCTAssertEqual(app.caption?.lead, "+3 on 03-04", "no event: the timeline says what the day added (issue 12)")
        XCTAssertEqual(app.tickInterval, App.playbackStep)
        app.tick()  // 03-05: both events
        let caption = try XCTUnwrap(app.caption)
        XCTAssertEqual(caption.lead, "◆ 03-05")
        XCTAssertTrue(caption.text.hasPrefix("Government Work Report"), caption.text)
        XCTAssertTrue(caption.text.contains(" · Manus beta released by Monica"), caption.text)
        XCTAssertTrue(caption.text.contains(" — Why it matters: "), "the milestone's analysis is captioned: \(caption.text)")
        XCTAssertEqual(app.tickInterval, App.eventHold, "the audience gets time to read it")
        app.tick()  // 03-06
        XCTAssertEqual(app.tickInterval, App.playbackStep)
        for _ in 0..<3 { app.tick() }
        XCTAssertEqual(app.date, d("2025-03-09"))
        XCTAssertEqual(app.caption?.lead, "◆ 03-05", "four days on: still captioned")
        app.tick()
        XCTAssertEqual(app.date, d("2025-03-10"))
        XCTAssertEqual(app.caption?.lead, "◆ 03-10", "the next milestones take over")
        app.setDate(d("2025-06-10"))
        XCTAssertNil(app.eventCaption, "weeks after any milestone: none")
    }

    func testAnyDateMoveCaptionsWhatItPassed() throws {
        var app = try Shipped.app()
        app.setDate(d("2025-03-04"))
        app.handle(.character("]"))
        XCTAssertEqual(app.caption?.lead, "◆ 03-05")
        app.handle(.character("["))
        XCTAssertNil(app.caption, "back before the event")
        app.type("4]")  // 03-08
        XCTAssertEqual(app.caption?.lead, "◆ 03-05")
        XCTAssertFalse(app.isPlaying)
    }

    func testTheTimelineShowsPlaybackAndTheCaption() throws {
        var app = try Shipped.app(width: 100, height: 30)
        XCTAssertNil(app.timelinePane(focused: false).playback, "no playback clutter before Space")
        app.setDate(d("2025-03-04"))
        app.handle(.character(" "))
        app.tick()
        let playing = app.renderPane(.timeline, width: 100, height: 12)
        assertGolden(playing, named: "timeline-playing-100x12")
        XCTAssertTrue(playing.lines[1].hasSuffix("▶ 4 days/s│"), playing.lines[1])
        app.handle(.character(" "))
        let paused = app.renderPane(.timeline, width: 100, height: 12).lines[1]
        XCTAssertTrue(paused.hasSuffix("❚❚ 4 days/s│"), paused)
    }

    func testPlaybackStopsAtTheSnapshotDateWithTheShippedData() throws {
        var app = try Shipped.app()
        app.handle(.character(" "))  // at the end: from the start
        XCTAssertEqual(app.date, d("2025-01-20"))
        // 01-20 to the current snapshot's date is a year; a tick holds after each event passed,
        // none moves past the end.
        let days = Int(app.store.current.asOf.ordinal - d("2025-01-20").ordinal)
        for _ in 0..<(days + app.store.current.events.count + 5) { app.tick() }
        XCTAssertEqual(app.date, app.store.current.asOf)
        XCTAssertFalse(app.isPlaying)
        XCTAssertNil(app.tickInterval)
    }
}
