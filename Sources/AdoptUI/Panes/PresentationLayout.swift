import AdoptCore

/// Where presentation mode puts things for a terminal size: one pure function, shared by
/// drawing, mouse hits and arrow keys.
///
/// Top to bottom: the date (large block digits when the screen is big enough, else one line
/// that also carries the focus and playback), a line with the focused region and playback,
/// the caption (two rows, three on tall screens, kept even when empty so the map does not
/// jump when a caption comes and goes), the map filling the rest, and a one-line legend.
public struct PresentationLayout: Sendable, Equatable {
    /// 0: the date on one plain line together with the info; 1 or 2: `BigDigits` scale.
    public let dateScale: Int
    /// The big date's rows (empty at scale 0).
    public let dateRows: Range<Int>
    /// The focused region and playback (at scale 0 also the date).
    public let infoRow: Int
    public let caption: Rect
    public let map: Rect
    public let legendRow: Int
    /// The tiles; nil when not even the compact grid fits.
    public let geometry: MapGeometry?

    /// The largest presentation tiles: bigger only spreads the map thin.
    static let maxCellWidth = 24
    static let maxCellHeight = 7

    /// - Parameter countWidth: the widest count's columns, which every tile must hold.
    public init(width: Int, height: Int, countWidth: Int = 1) {
        if width >= 120 && height >= 54 {
            dateScale = 2
        } else if width >= 60 && height >= 30 {
            dateScale = 1
        } else {
            dateScale = 0
        }
        let dateHeight = dateScale == 0 ? 0 : BigDigits.height(scale: dateScale)
        dateRows = 0..<dateHeight
        infoRow = dateHeight
        let captionRows = height >= 40 ? 3 : 2
        caption = Rect(row: infoRow + 1, column: 1, width: width - 2, height: captionRows)
        legendRow = max(0, height - 1)
        map = Rect(row: caption.bottom, column: 0, width: width, height: legendRow - caption.bottom)
        geometry = MapGeometry(area: map, maxCellWidth: PresentationLayout.maxCellWidth,
                               maxCellHeight: PresentationLayout.maxCellHeight, countWidth: countWidth)
    }
}

extension MapGeometry {
    /// The geometry for tiles up to `maxCellWidth` x `maxCellHeight` cells, with no legend
    /// row: as `init(area:)` (full grid when its tiles hold a name and a count, else the
    /// compact grid), for presentation mode's larger tiles.
    init?(area: Rect, maxCellWidth: Int, maxCellHeight: Int, countWidth: Int = 1) {
        self.init(area: area, height: area.height, legend: false, countWidth: countWidth) { l in
            // Cells of 3 rows and more keep a gap row below each tile but the last.
            let gapped = min(maxCellHeight, (area.height + 1) / l.rows)
            return (min(maxCellWidth, (area.width - 1) / l.columns),
                    gapped >= 3 ? gapped : min(maxCellHeight, area.height / l.rows))
        }
    }
}
