/// Fitting a URL into lines narrower than it. A URL has no spaces, so the word wrapper would
/// cut it anywhere and nothing would say the next line carries on the same address; here it
/// breaks after a separator where one is near the end of the line (`/`, `?`, `&`, `=`, `-`,
/// as the Chicago Manual and most browsers' print layouts do), and every line but the last
/// ends in `continuation` (the caller indents the lines after the first).
///
/// The pieces join back to the URL exactly, so the whole address can be made one link and a
/// test can check nothing was dropped.
public enum URLLayout {
    /// Drawn at the end of a line whose URL carries on below (explained in the help legend).
    public static let continuation = "↩"

    /// Characters after which a URL may break.
    static let breakAfter: Set<Character> = ["/", "?", "&", "=", "-"]

    /// The URL in pieces: the first at most `firstWidth` columns, the rest at most `width`,
    /// each counting one column for the continuation mark except the last. A separator is
    /// only used when the line would still be at least half full; otherwise the URL is cut
    /// at the width (the mark still says it goes on). Below two columns there is no room for
    /// a mark: the URL is then cut into single columns.
    public static func pieces(_ url: String, firstWidth: Int, width: Int) -> [String] {
        guard firstWidth >= 2, width >= 2 else { return TextLayout.wrap(url, width: max(1, min(firstWidth, width))) }
        let chars = Array(url)
        var pieces: [String] = []
        var start = 0
        var lineWidth = firstWidth
        while start < chars.count {
            let rest = chars[start...]
            if DisplayWidth.of(String(rest)) <= lineWidth {
                pieces.append(String(rest))
                break
            }
            let room = lineWidth - 1
            // The longest run that fits beside the mark, and the last separator in it.
            var end = start
            var used = 0
            var lastBreak: (index: Int, used: Int)?
            while end < chars.count {
                let w = DisplayWidth.of(chars[end])
                if used + w > room { break }
                used += w
                end += 1
                if breakAfter.contains(chars[end - 1]) { lastBreak = (end, used) }
            }
            if end == start { end = start + 1 } // a wide character in a one-column room
            if let lastBreak, lastBreak.index < chars.count, lastBreak.used * 2 >= room {
                end = lastBreak.index
            }
            pieces.append(String(chars[start..<end]))
            start = end
            lineWidth = width
        }
        return pieces
    }
}
