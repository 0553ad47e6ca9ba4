import AdoptCore
import AdoptLive
import AdoptUI
import Foundation

extension WallTime {
    /// A `Date` on the wall clock of `timeZone` (whole seconds, rounded down).
    init(_ date: Date, timeZone: TimeZone = .current) {
        self.init(seconds: Int64(date.timeIntervalSince1970.rounded(.down)),
                  utcOffset: timeZone.secondsFromGMT(for: date))
    }
}

extension LiveUpdate {
    /// What the screen takes from a reloader state: the store, the problems, the changed
    /// regions and the times. When no file is valid at all the data on screen stays, and so
    /// nothing on screen changed.
    init(_ state: LiveState, timeZone: TimeZone = .current) {
        self.init(store: state.isEmpty ? nil : state.store, problems: state.problems,
                  changedRegions: state.isEmpty ? [] : state.changedRegions,
                  loadedAt: WallTime(state.loadedAt, timeZone: timeZone),
                  checkedAt: WallTime(state.checkedAt, timeZone: timeZone),
                  generation: state.generation, history: state.history)
    }
}
