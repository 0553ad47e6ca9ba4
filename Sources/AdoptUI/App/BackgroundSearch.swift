import AdoptCore
import Foundation

/// `/` search the dashboard can wait for without freezing: a keystroke at a million
/// deployments scans every row (about 100 ms), twenty times a frame's budget. The keystroke
/// asks; a small table (or an empty query) is searched at once, as before; otherwise the
/// search starts on a background queue, the overlay keeps the previous matches under a
/// "searching…" title, and when the search ends `ready` wakes the run loop and the next frame
/// shows the matches. The same scheme as `BackgroundCounts`.
///
/// Only the newest request runs: typing "china daily" quickly costs one or two scans, not
/// eleven. The last few finished searches are kept, so Backspace to a query just searched
/// shows its matches at once.
public final class BackgroundSearch: @unchecked Sendable {
    private let worker = NewestOnly<SearchRequest>(label: "adopt.search")
    /// Internal so that a test can hold it (`suspend`) and see the frame before the search ends.
    var queue: DispatchQueue { worker.queue }
    private let lock = NSLock()
    /// Finished searches, oldest first, at most `keep`.
    private var finished: [(request: SearchRequest, matches: [SearchMatch])] = []
    private static let keep = 4
    /// The finished request a frame last drew: keys act on matches only once they are on
    /// screen (see `App.searchOnScreen`).
    private var drawn: SearchRequest?
    private let ready: @Sendable () -> Void
    /// Tables of up to this many rows are searched in the keystroke.
    private let rowLimit: Int

    /// `ready` is called on the background queue after each search.
    public init(rowLimit: Int = 50_000, ready: @escaping @Sendable () -> Void) {
        self.rowLimit = rowLimit
        self.ready = ready
    }

    /// The request's matches if they can be had at once (a small table, an empty query, or a
    /// search already finished); nil while the search runs in the background. `counts` says
    /// which regions have deployments on screen (see `SearchIndex.matches`).
    func matches(_ request: SearchRequest, in index: SearchIndex, counts: RegionCounts) -> [SearchMatch]? {
        if index.rowCount <= rowLimit || SearchText.normalized(request.query).isEmpty {
            return index.matches(request.query, counts: counts)
        }
        lock.lock()
        if let done = finished.last(where: { $0.request == request }) {
            lock.unlock()
            return done.matches
        }
        lock.unlock()
        worker.submit(request) { [self] in
            let matches = index.matches(request.query, counts: counts)
            lock.lock()
            finished.removeAll { $0.request == request }
            finished.append((request, matches))
            if finished.count > BackgroundSearch.keep { finished.removeFirst() }
            lock.unlock()
            ready()
        }
        return nil
    }

    /// The request's matches if its search has finished, else nil. A frame (`drawing`) takes
    /// them and marks them drawn; a key takes them only once a frame has drawn them, so that
    /// Enter and the arrows never act on matches the screen has not shown.
    func finishedMatches(_ request: SearchRequest, drawing: Bool) -> [SearchMatch]? {
        lock.lock()
        defer { lock.unlock() }
        guard let done = finished.last(where: { $0.request == request }) else { return nil }
        if drawing { drawn = request } else if drawn != request { return nil }
        return done.matches
    }
}

/// What a search's matches depend on: the query, the store searched, and the counts that rank
/// regions with deployments on screen first (the counting store, the date, the filter).
struct SearchRequest: Equatable, Sendable {
    let query: String
    let store: ObjectIdentifier
    let counting: ObjectIdentifier
    let date: Day
    let filter: Filter

    init(query: String, store: Store, counting: Store, date: Day, filter: Filter) {
        self.query = query
        self.store = ObjectIdentifier(store)
        self.counting = ObjectIdentifier(counting)
        self.date = date
        self.filter = filter
    }
}
