import AdoptCore

/// Presenters' keys and captions: presentation mode, event captions, the timeline's playback
/// indicator. (Playback: App+Playback; tours: App+Tour; drawing: App+PresentationRender.)
extension App {
    /// `p`: presentation mode on or off.
    mutating func togglePresentation() {
        presentation.isOn.toggle()
    }

    /// How many days an event stays captioned prominently after the date passes it.
    public static let captionDays = 7

    /// The events the date passed in the last `captionDays` days: those on the latest event
    /// date at or before the date, if that is recent. A pure function of the date, so any
    /// date move (playback, `]`, a tour step) captions what it passed, and going back before
    /// the event takes the caption away.
    public var freshEvents: [Event] {
        guard let latest = figures.events.filter({ $0.date <= date }).map(\.date).max(),
              Int(date.ordinal) - Int(latest.ordinal) < App.captionDays else { return [] }
        return figures.events.filter { $0.date == latest }
    }

    /// What the timeline's caption says: the tour's step, else the events just passed (either
    /// way with why the milestone matters, when its analysis says), else during playback what
    /// the last played days added.
    public var caption: TimelinePane.Caption? {
        if let tour = presentation.tour {
            let source = tour.step.source.map { " (\($0))" } ?? ""
            let why = App.whyItMatters(App.nationalFirst(figures.events.filter { $0.date == tour.step.date }))
            return TimelinePane.Caption(lead: tour.position, text: tour.step.caption + source + why)
        }
        if let events = eventCaption { return events }
        return arrivalsLine.map { TimelinePane.Caption(lead: $0.lead, text: $0.scope + ": " + $0.names.joined(separator: ", ")) }
    }

    /// The events just passed: "◆ 03-05" and their titles, the national one first.
    var eventCaption: TimelinePane.Caption? {
        let events = App.nationalFirst(freshEvents)
        guard let first = events.first else { return nil }
        return TimelinePane.Caption(lead: "◆ " + String(first.date.description.dropFirst(5)),
                                    text: events.map(\.title).joined(separator: " · ") + App.whyItMatters(events))
    }

    /// A day's events with the national ones (region `000000`) first, the rest in file order:
    /// the caption leads with, and explains, the national milestone rather than one with no
    /// place (docs/FORMAT.md: a region-less event "has no place").
    static func nationalFirst(_ events: [Event]) -> [Event] {
        events.filter { $0.region == .country } + events.filter { $0.region != .country }
    }

    /// " — Why it matters: ..." from the first of `events` whose analysis says, else "".
    static func whyItMatters(_ events: [Event]) -> String {
        guard let why = events.lazy.compactMap({ $0.analysis?.whyItMatters }).first else { return "" }
        return " — Why it matters: " + why
    }

    /// Enter on the timeline: the events of the latest event day at or before the date, in full.
    mutating func openEventDetail() {
        guard let day = figures.events.filter({ $0.date <= date }).map(\.date).max() else { return }
        overlay = .event(EventDetail(events: figures.events.filter { $0.date == day }))
    }

    /// ▶ or ❚❚ and the speed, once playback has been used or a tour is loaded.
    var playbackIndicator: TimelinePane.Playback? {
        guard presentation.playbackUsed || isPlaying || presentation.tour != nil else { return nil }
        return TimelinePane.Playback(playing: isPlaying, speed: presentation.speed)
    }

    // MARK: Keys

    /// Keys that mean something else while a tour is loaded or presentation mode is on;
    /// returns false for keys left to the dashboard.
    mutating func handlePresenterKey(_ key: Key) -> Bool {
        let handled = (presentation.tour != nil && handleTourKey(key))
            || (presentation.isOn && handlePresentationKey(key))
        if handled { pendingCount = nil }
        return handled
    }

    /// Presentation mode shows the map alone: arrows move on its layout, a click selects the
    /// tile under it, the wheel moves the date, Esc goes back to the dashboard.
    private mutating func handlePresentationKey(_ key: Key) -> Bool {
        switch key {
        case .escape:
            presentation.isOn = false
        case .click(let row, let column):
            if let code = presentationGeometry?.province(atRow: row, column: column) { selectProvince(code) }
        case .wheelUp: moveDate(days: -1)
        case .wheelDown: moveDate(days: 1)
        default:
            guard let direction = App.direction(of: key) else { return false }
            let layout = presentationGeometry?.layout ?? .full
            if let next = layout.neighbour(of: selectedProvince, direction) { selectProvince(next) }
        }
        return true
    }

    /// The map's geometry on the presentation screen at the remembered terminal size.
    var presentationGeometry: MapGeometry? {
        presentationPane.layout(width: screenWidth, height: screenHeight).geometry
    }
}
