import Foundation

/// Facet counts the dashboard can wait for without freezing: a new filter or region at a
/// million deployments needs a pass over their rows (a few hundred milliseconds on a busy
/// machine), longer than a frame may take. The frame asks, gets the counts if they are
/// ready, and otherwise starts the pass on a background queue and draws "counting…"; when
/// the pass ends, `ready` wakes the run loop, and the next frame has them.
///
/// Only the newest request runs: a request that is no longer the newest when its turn comes
/// is dropped, so toggling five filters quickly costs one pass, not five.
public final class BackgroundCounts: @unchecked Sendable {
    private let worker = NewestOnly<Request>(label: "adopt.facet-counts")
    private let ready: @Sendable () -> Void
    /// Up to this many rows are counted in the frame: all of a small data set, or a step of
    /// the date.
    private let rowLimit: Int

    struct Request: Equatable, Sendable {
        let store: ObjectIdentifier
        let code: RegionCode
        let day: Day
        let filter: Filter
    }

    /// `ready` is called on the background queue after each pass.
    public init(rowLimit: Int = 50_000, ready: @escaping @Sendable () -> Void) {
        self.rowLimit = rowLimit
        self.ready = ready
    }

    /// The counts if they can be had without a pass over the rows (or with a short move of
    /// the date); nil while a pass runs in the background.
    public func facetCounts(_ store: Store, in code: RegionCode, at day: Day, filter: Filter) -> FacetCounts? {
        if let counts = store.facetCountsIfCheap(in: code, at: day, filter: filter, rowLimit: rowLimit) { return counts }
        let request = Request(store: ObjectIdentifier(store), code: code, day: day, filter: filter)
        let ready = self.ready
        worker.submit(request) {
            _ = store.facetCounts(in: code, at: day, filter: filter)
            ready()
        }
        return nil
    }
}

extension Store {
    /// Facet counts when they are at hand: the (region, filter) has been counted and the
    /// date moves by at most `rowLimit` rows (stepping or playing the date). Nil when a full
    /// pass would be needed.
    func facetCountsIfCheap(in code: RegionCode, at day: Day, filter: Filter, rowLimit: Int) -> FacetCounts? {
        if table.count <= rowLimit { return facetCounts(in: code, at: day, filter: filter) }
        guard let tally = facetMemo.peek(FacetKey(code: code, filter: filter)),
              tally.rowsToMove(to: day) <= rowLimit else { return nil }
        return tally.counts(at: day)
    }
}
