import AdoptFeed
import Foundation

/// `adopt-bench --feed-load URL CLIENTS SECONDS`: many dashboards' feed polling against one
/// server. Each client is the dashboard's own reader (`FeedMirror`, its own cache directory,
/// its own connection pool) on a thread of its own, syncing once a second, as `--poll 1s`
/// does. The server's access log counts requests and bytes; this prints what the clients saw.
enum FeedLoadBench {
    static func run(url: String, clients: Int, seconds: Int) -> Int32 {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("adopt-feed-load-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let feed: FeedURL
        do { feed = try FeedURL(url) } catch {
            FileHandle.standardError.write(Data("adopt-bench: \(error)\n".utf8)); return 2
        }
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var syncs = 0, changed = 0, problems = 0
            var latencies: [Double] = []
        }
        let tally = Tally()
        let end = Date().addingTimeInterval(TimeInterval(seconds))
        let group = DispatchGroup()
        for k in 0..<clients {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                guard let client = try? FeedClient(options: FeedClient.Options()),
                      let mirror = try? FeedMirror(feed: feed, cacheRoot: "\(root)/\(k)", client: client) else { return }
                // Spread the clients over the first second, as dashboards started at random would be.
                Thread.sleep(forTimeInterval: Double(k) / Double(clients))
                var next = Date()
                while next < end {
                    let t0 = Date()
                    let outcome = mirror.sync()
                    let took = Date().timeIntervalSince(t0)
                    tally.lock.withLock {
                        tally.syncs += 1
                        if outcome.changed { tally.changed += 1 }
                        tally.problems += outcome.problems.count
                        tally.latencies.append(took * 1000)
                    }
                    next = next.addingTimeInterval(1)
                    let wait = next.timeIntervalSinceNow
                    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        let sorted = tally.latencies.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
        print("feed load: \(clients) clients polling \(FeedURL.redact(url)) every second for \(seconds) s")
        print(String(format: "  syncs %d (%.1f/s), syncs that downloaded %d, problems %d, sync time median %.1f ms, p99 %.1f ms",
                     tally.syncs, Double(tally.syncs) / Double(seconds), tally.changed, tally.problems, median, p99))
        return tally.problems == 0 ? 0 : 1
    }
}
