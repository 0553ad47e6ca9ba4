/// How a drill-down list uses its body's rows: a header when the body has 3 rows or more, a
/// footer at 4 or more, and the rows between scrolled to keep the selection in view. Drawing
/// (regions and deployments) and mouse hits all read it from here, so they cannot disagree.
struct DrillDownList {
    let hasHeader: Bool
    let hasFooter: Bool
    /// List rows that fit between header and footer.
    let visible: Int
    /// The selection clamped to the list, and the first row shown.
    let selected: Int
    let first: Int

    init(height: Int, selection: Int, count: Int) {
        hasHeader = height >= 3
        hasFooter = height >= 4
        visible = height - (hasHeader ? 1 : 0) - (hasFooter ? 1 : 0)
        selected = min(max(0, selection), count - 1)
        first = DrillDownPane.firstVisible(selection: selected, visible: visible, count: count)
    }

    /// The offset of the first list row from the top of the body.
    var bodyOffset: Int { hasHeader ? 1 : 0 }

    /// The list rows shown.
    func shown(count: Int) -> Range<Int> { first..<max(first, min(count, first + max(0, visible))) }
}
