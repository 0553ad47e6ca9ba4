import AdoptCore

/// Where presentation mode puts things for a terminal size: one pure function, shared by
/// drawing, mouse hits and arrow keys.
///
/// Top to bottom: the date (large block digits when the screen is big enough, else one line
/// that also carries the focus and playback), a line with the focused region and playback,
/// the caption, the map filling the rest, and a one-line legend.
///
/// The caption gets the rows it asks for (its text wrapped, its source, the playback line),
/// at least two (three on tall screens, kept even when empty so the map does not jump when a
/// caption comes and goes), taken from the map as long as its tiles keep two rows; a caption
/// that still does not fit is elided, never its source (`PresentationPane.Caption.rows`).
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
    /// The most rows a caption takes from the map.
    static let maxCaptionRows = 8

    /// - Parameters:
    ///   - countWidth: the widest count's columns, which every tile must hold.
    ///   - captionRows: the rows the caption needs, taken from the map while its tiles keep two
    ///     rows; `reserve`: rows to keep beyond those only while the tiles keep their size (a
    ///     tour keeps its longest step's, so the map stays put from step to step when it can).
    public init(width: Int, height: Int, countWidth: Int = 1, captionRows wanted: Int = 0, reserve: Int = 0) {
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
        let legend = max(0, height - 1), top = dateHeight + 1
        func mapAndTiles(captionRows: Int) -> (Rect, MapGeometry?) {
            let map = Rect(row: top + captionRows, column: 0, width: width, height: max(0, legend - top - captionRows))
            return (map, MapGeometry(area: map, maxCellWidth: PresentationLayout.maxCellWidth,
                                     maxCellHeight: PresentationLayout.maxCellHeight, countWidth: countWidth))
        }
        let base = height >= 40 ? 3 : 2
        var rows = base
        var (area, tiles) = mapAndTiles(captionRows: base)
        // More rows, one at a time, while the map keeps a grid of tiles two rows high or more.
        while rows < min(wanted, PresentationLayout.maxCaptionRows) {
            let (nextArea, next) = mapAndTiles(captionRows: rows + 1)
            guard let next, next.tileHeight >= min(2, tiles?.tileHeight ?? 2) else { break }
            rows += 1
            (area, tiles) = (nextArea, next)
        }
        while rows < min(reserve, PresentationLayout.maxCaptionRows), let now = tiles {
            let (nextArea, next) = mapAndTiles(captionRows: rows + 1)
            guard let next, next.layout == now.layout, next.cellWidth == now.cellWidth,
                  next.cellHeight == now.cellHeight else { break }
            rows += 1
            (area, tiles) = (nextArea, next)
        }
        legendRow = legend
        caption = Rect(row: top, column: 1, width: width - 2, height: rows)
        map = area
        geometry = tiles
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
