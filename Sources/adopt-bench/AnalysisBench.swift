import AdoptCore
import Foundation

/// The analyst's passes at scale, without drawing: facet counts (the filter menu's numbers and
/// the breakdown) and a six-region series, each beside the pass it should be compared with,
/// measured in the same run: `Store.counts` under a filter that is not a sum of facets,
/// which scans the same rows once.
///
/// Each sample asks under a filter not asked before (the caches keep the last few), so every
/// sample is a full pass, the cost of the key press that changes the filter.
enum AnalysisBench {
    struct Figures {
        var facetCounts = Samples()
        var baselineScan = Samples()
        var series6 = Samples()
        /// Facet counts already made for (country, filter), the date stepped by a day.
        var step = Samples()
    }

    static func measure(store: Store, samples: Int) -> Figures {
        var f = Figures()
        let day = store.current.asOf
        let models = store.models
        let useCases = store.useCases
        guard !models.isEmpty, !useCases.isEmpty else { return f }
        // Distinct filters, one per sample: a use case each, so neither cache can answer.
        for k in 0..<samples {
            let filter = Filter(useCases: [useCases[k % useCases.count]], text: k < useCases.count ? "" : String(repeating: " ", count: k / useCases.count))
            let (counts, ms) = timed { store.facetCounts(in: .country, at: day, filter: filter) }
            withExtendedLifetime(counts) {}
            f.facetCounts.add(ms)
            let other = Filter(useCases: [useCases[k % useCases.count]], text: String(repeating: " ", count: k / useCases.count + 1))
            let (c, baseMs) = timed { store.counts(at: day, filter: other) }
            withExtendedLifetime(c) {}
            f.baselineScan.add(baseMs)
        }
        let filter = Filter(useCases: [useCases[0]])
        _ = store.facetCounts(in: .country, at: day, filter: filter)
        for k in 0..<samples {
            let (c, ms) = timed { store.facetCounts(in: .country, at: day.adding(days: k % 2 == 0 ? -1 : 0), filter: filter) }
            withExtendedLifetime(c) {}
            f.step.add(ms)
        }
        // Six provinces, as pinned: the busiest six.
        let counts = store.counts(at: day)
        let six = store.gazetteer.provinces.map(\.code).sorted { (counts[$0] ?? 0) > (counts[$1] ?? 0) }.prefix(6)
        for k in 0..<samples {
            let filter = Filter(useCases: [useCases[k % useCases.count]], text: String(repeating: " ", count: k / useCases.count))
            let (s, ms) = timed { store.series(of: Array(six), every: .week, through: day, filter: filter) }
            withExtendedLifetime(s) {}
            f.series6.add(ms)
        }
        return f
    }

    /// `--child-analysis FILE N`: load FILE and print the three figures.
    static func runChild(file: String, samples: Int) -> Int32 {
        guard let snapshot = SnapshotLoader.load(file: file).snapshot else {
            FileHandle.standardError.write(Data("adopt-bench: \(file) did not load\n".utf8))
            return 1
        }
        let store = Store(snapshots: [snapshot])
        let f = measure(store: store, samples: samples)
        func line(_ name: String, _ s: Samples) -> String {
            "\(name): median \(Format.ms(s.median)) ms, p99 \(Format.ms(s.p99)) ms (\(s.count) samples)"
        }
        print(line("facet counts, country, new filter", f.facetCounts))
        print(line("baseline: counts under a new non-facet filter (one scan)", f.baselineScan))
        print(line("facet counts made, date stepped by a day", f.step))
        print(line("series of 6 provinces by week, new filter", f.series6))
        if f.baselineScan.median > 0 {
            print("facet counts / baseline scan: \(Format.fixed(f.facetCounts.median / f.baselineScan.median, 2))x")
        }
        return 0
    }
}
