import AdoptCore

/// The province table's added columns (see `TableFigures`).
extension App {
    /// The added columns' figures at the date under the filter (`pending` while counted in
    /// the background).
    var tableExtras: TableExtras {
        var extras = tableFigures.extras(store: store, counting: counting, date: date, filter: filter)
        // The snapshot before is not read yet: the ±since column waits ("…") for the history.
        if live.history != nil {
            extras.before = nil
            extras.historyPending = true
        }
        return extras
    }

    /// The sort columns the table on screen shows (`s` cycles these).
    var tableSortColumns: [TableSort.Column] {
        tablePane(focused: true).sortColumns(paneWidth: screenLayout.regions.width)
    }
}
