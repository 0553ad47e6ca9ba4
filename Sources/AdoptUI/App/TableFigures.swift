import AdoptCore
import Foundation

/// The figures behind the province table's added columns, made once per (store, date,
/// filter) and kept, so a frame never counts. Making them can mean a pass over many rows (a
/// new filter at a million deployments, or the first look at the previous snapshot): in the
/// dashboard that pass runs in the background, as the filter menu's counts do, and the
/// columns show "…" until `ready` wakes the run loop; elsewhere (dump, tests) it runs at once.
public final class TableFigures: @unchecked Sendable {
    struct Key: Hashable {
        var counting: ObjectIdentifier
        var date: Day
        var filter: Filter
    }

    private struct TallyKey: Hashable {
        var counting: ObjectIdentifier
        var filter: Filter
    }

    private let lock = NSLock()
    private let worker: NewestOnly<Key>?
    private let ready: @Sendable () -> Void
    /// Up to this many rows are counted in the frame (all of a small data set, a date step).
    private let rowLimit: Int
    /// The store everything kept belongs to: a reload drops the rest (and the old store).
    private var owner: ObjectIdentifier?
    /// Made figures and the tallies that follow the date, the last few kept.
    private var made: [Key: TableExtras] = [:]
    private var madeOrder: [Key] = []
    private var tallies: [TallyKey: ProvinceTally] = [:]
    private var tallyOrder: [TallyKey] = []
    /// (store, filter) whose previous-snapshot counts have been made once: later dates move
    /// them by the rows in between.
    private var previousReady: Set<TallyKey> = []
    private static let keep = 4

    /// In the background when `ready` is given (the dashboard wakes its run loop with it).
    public init(background ready: (@Sendable () -> Void)? = nil, rowLimit: Int = 50_000) {
        worker = ready == nil ? nil : NewestOnly(label: "adopt.table-figures")
        self.ready = ready ?? {}
        self.rowLimit = rowLimit
    }

    /// The added columns' figures; `pending` while a background pass makes them.
    func extras(store: Store, counting: Store, date: Day, filter: Filter) -> TableExtras {
        let key = Key(counting: ObjectIdentifier(counting), date: date, filter: filter)
        let tallyKey = TallyKey(counting: key.counting, filter: filter)
        lock.lock()
        if owner != ObjectIdentifier(store) {
            owner = ObjectIdentifier(store)
            made = [:]; madeOrder = []; tallies = [:]; tallyOrder = []; previousReady = []
        }
        if let e = made[key] { lock.unlock(); return e }
        let tally = tallies[tallyKey] ?? counting.provinceTally(filter: filter)
        if tallies[tallyKey] == nil { remember(tally, tallyKey) }
        // A light previous snapshot not read yet is never read in the frame.
        let previousAtHand = store.previousIsReady(of: counting)
        let previousCheap = (previousReady.contains(tallyKey) && previousAtHand) || store.previousDate(of: counting) == nil
        lock.unlock()

        let small = counting.current.deployments.count <= rowLimit && previousAtHand
        if worker == nil || small {
            return make(key, tallyKey, tally: tally, store: store, counting: counting)
        }
        if previousCheap, let figures = tally.figuresIfCheap(at: date, rowLimit: rowLimit) {
            return make(key, tallyKey, tally: tally, store: store, counting: counting, figures: figures)
        }
        worker?.submit(key) { [self] in
            _ = make(key, tallyKey, tally: tally, store: store, counting: counting)
            ready()
        }
        var pending = TableExtras()
        pending.pending = true
        pending.since = store.previousDate(of: counting)
        return pending
    }

    @discardableResult
    private func make(_ key: Key, _ tallyKey: TallyKey, tally: ProvinceTally, store: Store, counting: Store,
                      figures: [RegionCode: ProvinceFigures]? = nil) -> TableExtras {
        var extras = TableExtras(figures: figures ?? tally.figures(at: key.date))
        if let previous = store.previous(of: counting) {
            let before = previous.counts(at: key.date, filter: key.filter)
            var counts: [RegionCode: Int] = [:]
            for code in [RegionCode.country] + store.gazetteer.provinces.map(\.code) { counts[code] = before[code] ?? 0 }
            extras.before = counts
            extras.since = previous.current.asOf
        }
        lock.lock()
        defer { lock.unlock() }
        previousReady.insert(tallyKey)
        if made[key] == nil {
            made[key] = extras
            madeOrder.append(key)
            if madeOrder.count > TableFigures.keep { made[madeOrder.removeFirst()] = nil }
        }
        return extras
    }

    private func remember(_ tally: ProvinceTally, _ key: TallyKey) {
        tallies[key] = tally
        tallyOrder.append(key)
        if tallyOrder.count > TableFigures.keep { tallies[tallyOrder.removeFirst()] = nil }
    }
}
