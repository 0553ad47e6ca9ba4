import AdoptCore

/// What presenters set: playback speed, presentation mode and the tour being walked.
public struct PresentationState: Sendable, Equatable {
    /// Presentation mode (`p`): large tiles and numbers, the date and the caption, little else.
    public var isOn = false
    /// Index into `PlaybackSpeed.all` (`+` / `-`).
    public var speedIndex = PlaybackSpeed.defaultIndex
    /// Playback has been started at least once: from then on the timeline shows ▶ or ❚❚ and
    /// the speed (before, analysts see no playback clutter).
    public var playbackUsed = false
    /// The last tick passed an event's date: the next one waits `App.eventHold`, so the
    /// audience can read the caption.
    var holdForEvent = false
    /// The tour being walked, if any.
    public var tour: TourProgress?

    public init() {}

    public var speed: PlaybackSpeed { PlaybackSpeed.all[speedIndex] }
}

/// How fast playback moves the date: one day per `step`.
public struct PlaybackSpeed: Sendable, Equatable {
    /// Days per second, as shown ("0.5", "4").
    public let label: String
    /// The time between ticks; each tick moves one day.
    public let step: Duration

    /// ½, 1, 2, 4, 8 and 16 days per second; 4 (a day every 250 ms) to start: a two-month
    /// range plays in about 15 seconds.
    public static let all: [PlaybackSpeed] = [
        PlaybackSpeed(label: "0.5", step: .milliseconds(2000)),
        PlaybackSpeed(label: "1", step: .milliseconds(1000)),
        PlaybackSpeed(label: "2", step: .milliseconds(500)),
        PlaybackSpeed(label: "4", step: .milliseconds(250)),
        PlaybackSpeed(label: "8", step: .milliseconds(125)),
        PlaybackSpeed(label: "16", step: .microseconds(62_500)),
    ]
    public static let defaultIndex = 3

    /// "4 days/s", "1 day/s", "0.5 days/s".
    public var long: String { label == "1" ? "1 day/s" : "\(label) days/s" }
    /// "4d/s".
    public var short: String { "\(label)d/s" }
}

/// Where a presenter is in a tour.
public struct TourProgress: Sendable, Equatable {
    public let tour: Tour
    /// The step shown (its caption, region and, once reached, its date).
    public internal(set) var index: Int
    /// While the tour plays: waiting on the current step, or moving the date day by day
    /// towards the next step's.
    enum Phase: Sendable, Equatable { case holding, moving }
    var phase: Phase = .holding

    init(tour: Tour, index: Int = 0) {
        self.tour = tour
        self.index = index
    }

    public var step: Tour.Step { tour.steps[index] }
    public var isLast: Bool { index == tour.steps.count - 1 }
    /// "3/10".
    public var position: String { "\(index + 1)/\(tour.steps.count)" }
}
