import AdoptCore
import AdoptLive
import AdoptUI
import Foundation

/// A changed snapshot reloaded in the background by `AdoptLive.Reloader` (what `adopt` does
/// when a file changes or `r` is pressed), while the main thread keeps answering keys.
///
/// The watched directory holds one file. The app shows its first version; the changed
/// version (a week later: new deployments, a few status changes and withdrawals) is renamed
/// over it, and `reloadNow()` reads it on the reloader's queue. The figure is the time from
/// the request to the new state (parsed, validated, store built) being delivered. Meanwhile
/// this thread presses arrow keys and times each frame.
enum ReloadBench {
    struct Figures {
        /// With this thread idle (waiting): the reload's own cost.
        let idleReloadMs: Double
        /// With this thread pressing keys all the while.
        let reloadMs: Double
        let framesDuring: Samples
    }

    /// A flag and a time set on the reloader's queue and read here.
    private final class Delivery: @unchecked Sendable {
        private let lock = NSLock()
        private var at: UInt64?
        private var deployments = 0

        func deliver(_ state: LiveState) {
            lock.lock(); defer { lock.unlock() }
            at = Clock.now()
            deployments = state.store.current.deployments.count
        }

        var delivered: (at: UInt64, deployments: Int)? {
            lock.lock(); defer { lock.unlock() }
            return at.map { ($0, deployments) }
        }

        func reset() { lock.lock(); at = nil; lock.unlock() }
    }

    /// - Parameters:
    ///   - before, after: the first and the changed version of the snapshot.
    static func measure(before: String, after: String, workDirectory: String) -> Figures? {
        let fm = FileManager.default
        let live = (workDirectory as NSString).appendingPathComponent("live")
        let watched = (live as NSString).appendingPathComponent("snapshot.json")
        try? fm.removeItem(atPath: live)
        guard (try? fm.createDirectory(atPath: live, withIntermediateDirectories: true)) != nil,
              (try? fm.copyItem(atPath: before, toPath: watched)) != nil else { return nil }
        defer { try? fm.removeItem(atPath: live) }

        let delivery = Delivery()
        let reloader = Reloader(paths: [live]) { delivery.deliver($0) }
        defer { reloader.stop() }
        reloader.reloadNow()
        guard let first = waitForDelivery(delivery), let initial = reloader.state?.store, first.deployments > 0 else {
            return nil
        }
        var app = FrameBench.makeApp(store: initial, path: live).app

        // The changed file arrives whole (written elsewhere, renamed in), as a pipeline should do it.
        func arrive(_ version: String) -> Bool {
            let staged = (live as NSString).appendingPathComponent(".staged.json.tmp")
            return (try? fm.copyItem(atPath: version, toPath: staged)) != nil && rename(staged, watched) == 0
        }

        // First with this thread idle, then back to the first version, then while pressing keys.
        guard arrive(after) else { return nil }
        delivery.reset()
        let idleStart = Clock.now()
        reloader.reloadNow()
        guard let idle = waitForDelivery(delivery) else { return nil }
        let idleReloadMs = Double(idle.at - idleStart) / 1e6
        guard arrive(before) else { return nil }
        delivery.reset()
        reloader.reloadNow()
        guard waitForDelivery(delivery) != nil, arrive(after) else { return nil }

        delivery.reset()
        let start = Clock.now()
        reloader.reloadNow()
        var frames = Samples()
        let keys: [Key] = [.right, .down, .left, .up]
        var k = 0
        while delivery.delivered == nil {
            frames.add(FrameBench.press(keys[k % keys.count], on: &app))
            k += 1
        }
        let reloadMs = Double(delivery.delivered!.at - start) / 1e6
        return Figures(idleReloadMs: idleReloadMs, reloadMs: reloadMs, framesDuring: frames)
    }

    private static func waitForDelivery(_ delivery: Delivery) -> (at: UInt64, deployments: Int)? {
        let deadline = Clock.now() + 600 * 1_000_000_000
        while Clock.now() < deadline {
            if let d = delivery.delivered { return d }
            usleep(1000)
        }
        return nil
    }
}
