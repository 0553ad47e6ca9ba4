import AdoptCore

/// The province table's wide columns: their figures are made once per (store, date, filter)
/// while the table is on screen (`refresh`), from a `ProvinceTally` that follows the date, so a
/// frame never counts and a date step counts only the rows in between.
extension App {
    /// Brings the wide columns' figures up to date when the table is on screen.
    mutating func refreshTableExtras(key: Figures.Key) {
        guard regionsView == .table, !showsBreakdown, !presentation.isOn, figures.extrasKey != key else { return }
        let tallyKey = Figures.TallyKey(store: key.store, filter: key.filter)
        if figures.provinceTallyKey != tallyKey {
            figures.provinceTally = counting.provinceTally(filter: filter)
            figures.provinceTallyKey = tallyKey
        }
        figures.tableExtras = makeTableExtras(tally: figures.provinceTally!)
        figures.extrasKey = key
    }

    /// The wide columns' figures now: the kept ones, or (a table drawn while another view is
    /// on screen, as `adopt dump table` does) made on the spot.
    var tableExtras: TableExtras {
        let key = Figures.Key(store: ObjectIdentifier(counting), date: date, filter: filter)
        if figures.extrasKey == key, let extras = figures.tableExtras { return extras }
        let tallyKey = Figures.TallyKey(store: key.store, filter: filter)
        let tally = figures.provinceTallyKey == tallyKey ? figures.provinceTally : nil
        return makeTableExtras(tally: tally ?? counting.provinceTally(filter: filter))
    }

    private func makeTableExtras(tally: ProvinceTally) -> TableExtras {
        var extras = TableExtras(figures: tally.figures(at: date))
        if let previous = store.previous(of: counting) {
            let before = previous.counts(at: date, filter: filter)
            var change: [RegionCode: Int] = [:]
            for p in figures.provinces { change[p.region.code] = p.count - (before[p.region.code] ?? 0) }
            extras.change = change
            extras.since = previous.current.asOf
        }
        return extras
    }

    /// The sort columns the table on screen shows (`s` cycles these).
    var tableSortColumns: [TableSort.Column] {
        tablePane(focused: true).sortColumns(paneWidth: screenLayout.regions.width)
    }
}
