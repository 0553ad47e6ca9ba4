/// The xterm-256 palette as RGB, and the nearest basic colour to any of its entries: panes ask
/// for palette indexes, terminals with 8 or 16 colours get the closest one they have.
public enum XtermPalette {
    /// xterm's default RGB values for the 16 basic colours.
    static let basic: [(r: Int, g: Int, b: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each channel in the 6x6x6 colour cube (indexes 16...231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a palette index.
    public static func rgb(_ index: UInt8) -> (r: Int, g: Int, b: Int) {
        let i = Int(index)
        switch i {
        case 0..<16:
            return basic[i]
        case 16..<232:
            let n = i - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = 8 + 10 * (i - 232)
            return (level, level, level)
        }
    }

    /// The index among the first `count` basic colours (8 or 16) closest to `index` in RGB
    /// (squared Euclidean distance; ties go to the lower index). Basic colours that exist on
    /// the terminal map to themselves.
    ///
    /// Grays only look for grays (black, white and, with 16 colours, bright black and bright
    /// white): by plain RGB distance the mid gray (127,127,127) is closer to yellow
    /// (205,205,0) than to white, and a gray border drawn in yellow would look like a warning.
    public static func nearest(to index: UInt8, among count: Int) -> UInt8 {
        precondition(count == 8 || count == 16, "only 8 or 16 basic colours")
        if Int(index) < count { return index }
        let target = rgb(index)
        let isGray = max(target.r, target.g, target.b) - min(target.r, target.g, target.b) < 20
        let candidates = isGray ? (count == 8 ? [0, 7] : [0, 8, 7, 15]) : Array(0..<count)
        var best = candidates[0]
        var bestDistance = Int.max
        for candidate in candidates.sorted() {
            let c = basic[candidate]
            let dr = c.r - target.r, dg = c.g - target.g, db = c.b - target.b
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return UInt8(best)
    }
}
