import AdoptCore

/// Timeline playback for presenters: Space starts moving the date forward a day per tick and
/// stops at the snapshot's date (or on Space again); `+` and `-` change the speed. The App
/// holds no clock: the run loop asks `tickInterval` when to call `tick()` next, so playback
/// is tested by calling `tick()`.
///
/// When a tick passes an event's date, the next tick waits `eventHold`, so the audience can
/// read the event's caption before the date moves on. With a tour loaded, Space plays the
/// tour instead (App+Tour).
extension App {
    /// How long to wait before the next `tick()`; nil when not playing (sleep until a key).
    public var tickInterval: Duration? {
        guard isPlaying else { return nil }
        if presentation.tour?.phase == .holding { return App.tourHold }
        let step = presentation.speed.step
        return presentation.holdForEvent ? max(step, App.eventHold) : step
    }

    /// One day of playback per step at the starting speed (4 days a second).
    public static let playbackStep = PlaybackSpeed.all[PlaybackSpeed.defaultIndex].step
    /// The pause after passing an event's date.
    public static let eventHold = Duration.seconds(2)
    /// How long a playing tour stays on each step before moving on.
    public static let tourHold = Duration.seconds(6)

    /// Advances playback by a day; stops at the end of the range.
    public mutating func tick() {
        guard isPlaying else { return }
        if presentation.tour != nil {
            tourTick()
            return
        }
        advanceOneDay()
        if date >= dateRange.upperBound { isPlaying = false }
        refresh()
    }

    /// One day forward, noting whether that passed an event's date.
    mutating func advanceOneDay() {
        let before = date
        moveDate(days: 1)
        presentation.holdForEvent = figures.events.contains { $0.date > before && $0.date <= date }
    }

    /// Space: play from the current date (from the start when already at the end), or pause.
    mutating func togglePlayback() {
        presentation.playbackUsed = true
        presentation.holdForEvent = false
        if presentation.tour != nil {
            toggleTourPlayback()
        } else if isPlaying {
            isPlaying = false
        } else {
            if date >= dateRange.upperBound { date = dateRange.lowerBound }
            isPlaying = true
        }
    }

    /// `+` / `-`: the next speed up or down, stopping at the ends.
    mutating func changeSpeed(faster: Bool) {
        let i = presentation.speedIndex + (faster ? 1 : -1)
        presentation.speedIndex = max(0, min(PlaybackSpeed.all.count - 1, i))
        presentation.playbackUsed = true
    }
}
