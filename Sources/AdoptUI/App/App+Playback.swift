import AdoptCore

/// Timeline playback for presenters: `p` starts moving the date forward a day at a time and
/// stops at the snapshot's date (or on `p` again). The App holds no clock: the run loop asks
/// `tickInterval` when to call `tick()` next, so playback is tested by calling `tick()`.
extension App {
    /// How long to wait before the next `tick()`; nil when not playing (sleep until a key).
    public var tickInterval: Duration? { isPlaying ? App.playbackStep : nil }

    /// One day of playback per step.
    public static let playbackStep = Duration.milliseconds(250)

    /// Advances playback by a day; stops at the end of the range.
    public mutating func tick() {
        guard isPlaying else { return }
        moveDate(days: 1)
        if date >= dateRange.upperBound { isPlaying = false }
        refresh()
    }

    /// `p`: play from the current date (from the start when already at the end), or pause.
    mutating func togglePlayback() {
        if isPlaying {
            isPlaying = false
        } else {
            if date >= dateRange.upperBound { date = dateRange.lowerBound }
            isPlaying = true
        }
    }
}
