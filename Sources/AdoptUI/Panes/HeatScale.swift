import Foundation

/// The map's shading scale: fixed, rounded bins (`1`, `2-4`, `5-9`, `10-19`, `20+`) made once
/// for the data set (every province's count over all dates, unfiltered), so a shade means the
/// same count whatever the filter or date, in the map, presentation mode and `adopt dump`, and
/// across live reloads. Bins that followed the view (`1-3 4-6` becoming `1-2 3-4` under a
/// filter, `1-1812 1813-3625` at 100k) made colours impossible to compare.
///
/// The bins are made for `ceiling`, the data set's largest province count rounded up to a
/// 1-2-5 step; a reload keeps them while its largest count stays within the ceiling.
public struct HeatScale: Sendable, Equatable {
    /// The first count of each non-empty bin, ascending, from 1; the last bin is open ("20+").
    public let lowerBounds: [Int]
    /// The largest province count the bins are made for (a 1-2-5 step); 0 for no data.
    public let ceiling: Int

    /// The shade levels (1 ... `Theme.heat.count - 1`) available for non-zero counts.
    public static var levels: Int { Theme.heat.count - 1 }

    public init(lowerBounds: [Int], ceiling: Int) {
        self.lowerBounds = lowerBounds; self.ceiling = ceiling
    }

    /// The scale for a data set whose largest province count is `maximum`.
    public static func fitting(maximum: Int) -> HeatScale {
        guard maximum > 0 else { return HeatScale(lowerBounds: [], ceiling: 0) }
        let ceiling = niceSteps(through: maximum).first { $0 >= maximum } ?? maximum
        // 3 and 4 only for small data sets: past 20, "1" alone and "2-4" read better than "1-2", "3-4".
        let steps = niceSteps(through: ceiling).filter { $0 <= ceiling && (ceiling <= 20 || !(3...4).contains($0)) }
        let bins = levels
        guard steps.count > bins else { return HeatScale(lowerBounds: steps, ceiling: ceiling) }
        // Bins of about equal width on a log scale, from 1 to the ceiling: the k-th bin starts
        // near ceiling^(k/bins), rounded to the nearest step (in log terms) still free.
        var bounds = [1]
        var index = 0
        for k in 1..<bins {
            let target = pow(Double(ceiling), Double(k) / Double(bins))
            let last = steps.count - (bins - k)  // leave a step for each bin after this one
            var best = index + 1
            for i in (index + 1)...last where abs(log(Double(steps[i]) / target)) < abs(log(Double(steps[best]) / target)) {
                best = i
            }
            bounds.append(steps[best])
            index = best
        }
        return HeatScale(lowerBounds: bounds, ceiling: ceiling)
    }

    /// 1, 2, 3, 4, 5, then 10, 20, 50, 100, 200, 500, ...: up to the first one at or past `n`.
    static func niceSteps(through n: Int) -> [Int] {
        var out = [1, 2, 3, 4, 5]
        var decade = 10
        while out.last! < n {
            for m in [1, 2, 5] where out.last! < n {
                let (v, overflow) = decade.multipliedReportingOverflow(by: m)
                if overflow { return out }
                out.append(v)
            }
            let (next, overflow) = decade.multipliedReportingOverflow(by: 10)
            if overflow { return out }
            decade = next
        }
        return out
    }

    /// Whether a data set whose largest province count is `maximum` still fits these bins.
    public func covers(maximum: Int) -> Bool { maximum <= ceiling }

    /// These bins while they cover `maximum`, else new ones for it.
    public func kept(forMaximum maximum: Int) -> HeatScale {
        covers(maximum: maximum) ? self : .fitting(maximum: maximum)
    }

    /// The shade level of bin `i`: with fewer bins than levels, spread up to the darkest, so
    /// the top bin is always the darkest shade.
    func level(ofBin i: Int) -> Int {
        let n = lowerBounds.count, top = HeatScale.levels
        return (((i + 1) * top) + n - 1) / n
    }

    /// The shade level (0 ... `levels`) of a count.
    public func level(of count: Int) -> Int {
        guard count > 0, let i = lowerBounds.lastIndex(where: { $0 <= count }) else { return 0 }
        return level(ofBin: i)
    }

    /// (label, shade level) of each bin, from "0": `0`, `1`, `2-4`, `5-9`, `10+`.
    public var bins: [(label: String, level: Int)] {
        var out: [(String, Int)] = [("0", 0)]
        for (i, first) in lowerBounds.enumerated() {
            let label: String
            if i == lowerBounds.count - 1 {
                label = "\(first)+"
            } else {
                let last = lowerBounds[i + 1] - 1
                label = first == last ? "\(first)" : "\(first)-\(last)"
            }
            out.append((label, level(ofBin: i)))
        }
        return out
    }

    /// The bins in one line, for messages: "1, 2-4, 5-9, 10-19, 20+".
    public var summary: String { bins.dropFirst().map(\.label).joined(separator: ", ") }
}
