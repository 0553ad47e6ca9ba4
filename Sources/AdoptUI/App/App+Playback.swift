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

// MARK: What lit up

/// During playback each played day is captioned with what it added ("+6 on 02-17 in 5 cities:
/// 广州 Guangzhou, …") and the provinces that gained stay marked on the presentation map for
/// `markDays` days. A pure function of the date, like event captions: stepping back takes
/// them away, stepping forward with `]` while paused shows them too.
extension App {
    /// How many days, the date included, a province that gained stays marked.
    public static let markDays = 3

    /// Playback captions show while playing and, once playback was used, while paused (the
    /// presenter stopped to talk about what just lit up).
    var showsArrivals: Bool { isPlaying || presentation.playbackUsed }

    /// Keeps `figures.arrivals` for the last `markDays` days through the date; a day already
    /// counted under the same store and filter is kept (playback moves one day at a time).
    mutating func refreshArrivals() {
        guard showsArrivals else {
            figures.arrivals = []
            figures.arrivalsKey = nil
            return
        }
        let id = ObjectIdentifier(counting)
        if figures.arrivalsKey.map({ $0.store != id || $0.filter != filter }) ?? true {
            figures.arrivals = []
            figures.arrivalsKey = (id, filter)
        }
        let known = figures.arrivals
        figures.arrivals = (0..<App.markDays).map { back in
            let day = date.adding(days: -back)
            return known.first { $0.day == day } ?? counting.arrivals(on: day, filter: filter)
        }
    }

    /// The latest of the last `markDays` days that added something, under the filter.
    var latestArrivals: Arrivals? { figures.arrivals.first { !$0.isEmpty } }

    /// The provinces that gained in the last `markDays` days.
    var markedProvinces: Set<RegionCode> { Set(figures.arrivals.flatMap(\.provinces)) }

    /// "+6 on 02-17", "in 4 cities and 1 province", and the places' names, new ones first.
    var arrivalsLine: PresentationPane.ArrivalsLine? {
        guard let arrivals = latestArrivals else { return nil }
        let regions = arrivals.places.compactMap { store.gazetteer.region($0.code) }
        var parts: [String] = []
        for level in [RegionLevel.prefecture, .county, .province] {
            let n = regions.filter { $0.level == level }.count
            guard n > 0 else { continue }
            parts.append("\(n) " + App.placeNoun(level, plural: n != 1))
        }
        return PresentationPane.ArrivalsLine(
            lead: "+\(arrivals.count) on " + String(arrivals.day.description.dropFirst(5)),
            scope: "in " + parts.joined(separator: " and "), names: regions.map(placeName))
    }

    /// "city", "cities", "province", ...
    static func placeNoun(_ level: RegionLevel, plural: Bool) -> String {
        switch level {
        case .country: return plural ? "countries" : "country"
        case .province: return plural ? "provinces" : "province"
        case .prefecture: return plural ? "cities" : "city"
        case .county: return plural ? "counties" : "county"
        }
    }

    /// A place's name in the playback line, in the language the map's labels are in: "广州" (zh),
    /// "Guangzhou" (en, and abbr: cities have no letters), else "广州 Guangzhou" as the
    /// drill-down names it.
    func placeName(_ region: Region) -> String {
        switch labels {
        case .zh: return region.shortName
        case .en, .abbr: return region.english
        case .auto, .both: return DrillDownPane.name(of: region)
        }
    }
}
