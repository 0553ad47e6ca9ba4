import AdoptCore

/// Tours: a presenter's steps (date, region, caption) walked with → and ←, or played.
///
/// Each step sets the date, selects its region (a province on the map; a deeper region opens
/// the drill-down at it, as a search result does) and captions it. Space plays the tour: the
/// date runs day by day from one step to the next at the playback speed, so the map fills in
/// between steps and passed events are captioned; each step is then held for `tourHold`.
/// Esc ends the tour (in presentation mode, Esc first leaves presentation mode).
extension App {
    /// Loads a tour and shows its first step; `presenting` turns presentation mode on, as a
    /// tour is usually shown to an audience.
    public mutating func startTour(_ tour: Tour, presenting: Bool = true) {
        presentation.tour = TourProgress(tour: tour)
        presentation.isOn = presenting
        isPlaying = false
        showStep(0)
    }

    /// Esc: back to free browsing, where the tour left the dashboard.
    public mutating func endTour() {
        presentation.tour = nil
        isPlaying = false
    }

    /// Goes to step `index` (clamped to the tour): date, region, caption.
    public mutating func showStep(_ index: Int) {
        guard var progress = presentation.tour else { return }
        progress.index = max(0, min(progress.tour.steps.count - 1, index))
        progress.phase = .holding
        presentation.tour = progress
        presentation.holdForEvent = false
        let step = progress.step
        date = clamp(step.date)
        jump(to: step.region)
        // A province or the country is shown by the map; only deeper regions need the drill-down.
        if store.gazetteer.lineage(of: step.region).count <= 1 { focus = .regions }
        refresh()
    }

    mutating func moveTour(by delta: Int) {
        guard let progress = presentation.tour else { return }
        showStep(progress.index + delta)
    }

    /// Tour keys: → n PgDn next, ← b PgUp previous, Home End first and last, Esc ends.
    mutating func handleTourKey(_ key: Key) -> Bool {
        guard let progress = presentation.tour else { return false }
        switch key {
        case .right, .character("n"), .pageDown: moveTour(by: 1)
        case .left, .character("b"), .pageUp: moveTour(by: -1)
        case .home: showStep(0)
        case .end: showStep(progress.tour.steps.count - 1)
        case .escape:
            if presentation.isOn { presentation.isOn = false } else { endTour() }
        default: return false
        }
        return true
    }

    /// Space with a tour: play or pause; at the last step, play again from the first.
    mutating func toggleTourPlayback() {
        guard let progress = presentation.tour else { return }
        if isPlaying {
            isPlaying = false
        } else {
            if progress.isLast { showStep(0) }
            isPlaying = true
        }
    }

    /// One tick of a playing tour: the end of a hold starts the run to the next step (a step
    /// at the same date or earlier is shown at once); while running, a day per tick.
    mutating func tourTick() {
        guard var progress = presentation.tour else { return }
        if progress.phase == .holding {
            guard !progress.isLast else {
                isPlaying = false
                return
            }
            progress.phase = .moving
            presentation.tour = progress
        }
        let next = progress.index + 1
        let target = clamp(progress.tour.steps[next].date)
        if target > date { advanceOneDay() }
        if date >= target { showStep(next) }
        refresh()
    }
}
