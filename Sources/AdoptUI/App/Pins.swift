import AdoptCore

/// The regions pinned for comparison on the timeline (`P` pins or unpins the region the
/// drill-down shows, `U` unpins all), in the order they were pinned: the order gives each its
/// glyph and colour, so a series keeps its look while others come and go.
///
/// Any level can be pinned (a province beside a city beside a county, or the whole country),
/// since every count covers the region's whole subtree; at most `limit`, which is as many as
/// glyphs stay distinct without colour and a legend fits in a timeline strip.
public struct Pins: Equatable, Sendable {
    /// Six series are as many as stay readable on one axis in a 9-row pane.
    public static let limit = 6

    public private(set) var regions: [RegionCode] = []
    /// What the last change could not do ("at most 6 pinned; U clears"), for the status bar;
    /// cleared by the next key.
    public private(set) var notice: String?

    public enum Message: Equatable, Sendable {
        /// Pin the region, or unpin it if pinned.
        case toggle(RegionCode)
        case clear
        /// Any other key: the notice has been seen.
        case dismissNotice
    }

    public init(_ regions: [RegionCode] = []) { self.regions = Array(regions.prefix(Pins.limit)) }

    public var isEmpty: Bool { regions.isEmpty }
    public var count: Int { regions.count }
    public func contains(_ code: RegionCode) -> Bool { regions.contains(code) }

    public mutating func update(_ message: Message) {
        notice = nil
        switch message {
        case .toggle(let code):
            if let i = regions.firstIndex(of: code) {
                regions.remove(at: i)
            } else if regions.count < Pins.limit {
                regions.append(code)
            } else {
                notice = "at most \(Pins.limit) pinned; U clears"
            }
        case .clear:
            regions = []
        case .dismissNotice:
            break
        }
    }
}
