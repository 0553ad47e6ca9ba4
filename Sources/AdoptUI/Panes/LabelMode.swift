/// Which names the map's tiles carry, on the dashboard and in presentation mode: `L` cycles
/// them, `--labels` sets one.
///
/// A tile too small for the chosen names falls back, tile by tile, along `fallbacks` (never
/// to a name cut short: 河 is both Hebei and Henan), down to the ISO letters and at the last
/// to the count alone: the count is never the one given up.
public enum LabelMode: String, CaseIterable, Sendable {
    /// The default: Chinese and English where both fit, else English, else the ISO letters.
    case auto
    /// The short Chinese name (广东).
    case zh
    /// The English name the gazetteer gives (Guangdong, Inner Mongolia, Hong Kong).
    case en
    /// Both (广东 Guangdong, on one line or two).
    case both
    /// ISO 3166-2:CN letters (GD): `ProvinceAbbreviation`.
    case abbr

    /// What the status line and help call it.
    public var title: String {
        switch self {
        case .auto: return "auto (fit the width)"
        case .zh: return "Chinese"
        case .en: return "English"
        case .both: return "Chinese + English"
        case .abbr: return "ISO letters"
        }
    }

    /// The mode `L` goes to next: auto, then English, both, Chinese, the letters, and round.
    public var next: LabelMode {
        switch self {
        case .auto: return .en
        case .en: return .both
        case .both: return .zh
        case .zh: return .abbr
        case .abbr: return .auto
        }
    }

    /// The names tried for one tile, in order, until one fits. Chinese alone is offered only
    /// when asked for (`zh`, or `both` after English): an English reader gets letters before
    /// characters. Every mode ends with the letters, which fit wherever a label can.
    var fallbacks: [LabelMode] {
        switch self {
        case .auto: return [.both, .en, .abbr]
        case .both: return [.both, .en, .zh, .abbr]
        case .en: return [.en, .abbr]
        case .zh: return [.zh, .abbr]
        case .abbr: return [.abbr]
        }
    }
}
