import AdoptCore

/// The province table's added columns (see `TableFigures`).
extension App {
    /// The added columns' figures at the date under the filter (`pending` while counted in
    /// the background).
    var tableExtras: TableExtras {
        tableFigures.extras(store: store, counting: counting, date: date, filter: filter)
    }

    /// The sort columns the table on screen shows (`s` cycles these).
    var tableSortColumns: [TableSort.Column] {
        tablePane(focused: true).sortColumns(paneWidth: screenLayout.regions.width)
    }
}
