import AdoptCore

/// Presentation mode's screen, built from the state and the cached figures like every frame.
extension App {
    func drawPresentation(into grid: inout Grid) {
        presentationPane.draw(into: &grid)
    }

    var presentationPane: PresentationPane {
        let country = figures.country
        var status: [String] = []
        // What the last key did (`L`: the labels now), first: there is no status bar here.
        if let message { status.append(message) }
        if let playback = playbackIndicator { status.append(playback.playing ? "▶ \(playback.speed.long)" : "❚❚ \(playback.speed.long)") }
        if let tour = presentation.tour { status.append(tour.tour.title) }
        // What Space will do now: pause while playing, play while paused.
        let space = isPlaying ? "Space pause" : "Space play"
        let hints = presentation.tour != nil ? "← → step  \(space)  p/Esc dashboard"
            : "\(space)  + - speed  p/Esc dashboard"
        var pane = PresentationPane(
            date: presentedDate, focus: focusLine, status: status,
            caption: presentationCaption, provinces: figures.provinces, scale: heatScale,
            cursor: selectedProvince, cursorSelected: cursorSelected,
            totals: App.counted(country?.count ?? 0, "deployment") + " · " + App.counted(country?.covered ?? 0, "province")
                + (filter.isEmpty ? "" : " (filtered)"),
            hints: hints)
        pane.synthetic = store.current.synthetic
        pane.shading = shading
        pane.labels = labels
        if showsArrivals {
            pane.arrivalsRow = true
            pane.arrivals = arrivalsLine
            pane.marked = markedProvinces
        }
        pane.reservedCaptionRows = reservedCaptionRows
        return pane
    }

    /// The date shown large: a tour step's own date while the dashboard sits on it, even when
    /// the data's range does not reach it (R1's release, 2025-01-20, is a week before the
    /// first deployment): the map there is the same as at the nearest end of the range.
    var presentedDate: Day {
        if let tour = presentation.tour, tour.phase == .holding, date == clamp(tour.step.date) {
            return tour.step.date
        }
        return date
    }

    /// The tour step (its source apart, to be dimmed), else the events just passed.
    var presentationCaption: PresentationPane.Caption? {
        if let tour = presentation.tour {
            return PresentationPane.Caption(lead: tour.position, text: tour.step.caption, source: tour.step.source)
        }
        return eventCaption.map { PresentationPane.Caption(lead: $0.lead, text: $0.text) }
    }

    /// With a tour, the rows its longest step takes at this width and a row for the playback
    /// line, so the map stays put from step to step and when playback starts.
    var reservedCaptionRows: Int {
        guard let tour = presentation.tour else { return 0 }
        let rows = tour.tour.steps.indices.map { i in
            PresentationPane.Caption(lead: "\(i + 1)/\(tour.tour.steps.count)", text: tour.tour.steps[i].caption,
                                     source: tour.tour.steps[i].source).rows(width: screenWidth - 2).count
        }
        return (rows.max() ?? 0) + 1
    }

    /// The region the dashboard is on, with its parents and its count:
    /// "福田 Futian · 深圳 Shenzhen · 广东 Guangdong: 1 deployment".
    var focusLine: String {
        let region = currentRegion
        let names = region == .country ? ["全国 China"]
            : store.gazetteer.lineage(of: region).compactMap { store.gazetteer.region($0) }.map { "\($0.shortName) \($0.english)" }
        guard let count = presentedCount(of: region) else { return names.joined(separator: " · ") }
        return names.joined(separator: " · ") + ": " + App.counted(count, "deployment")
    }

    /// "1 deployment", "16 deployments".
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)" + (n == 1 ? "" : "s") }

    /// A region's count from the figures already computed (never a store query per frame).
    private func presentedCount(of code: RegionCode) -> Int? {
        if code == .country { return figures.country?.count }
        if let p = figures.provinces.first(where: { $0.region.code == code }) { return p.count }
        switch figures.drillContent {
        case .regions(let parent, _, _)? where parent.region.code == code: return parent.count
        case .deployments(let region, let items)? where region.code == code: return items.count
        default: return nil
        }
    }
}
