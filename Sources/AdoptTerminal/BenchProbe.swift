#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// adopt-bench's view into a real dashboard run: with `ADOPT_BENCH_PROBE=PATH` in the
/// environment, moments of the run are appended to PATH as lines `EVENT NANOSECONDS`
/// (CLOCK_MONOTONIC, the clock adopt-bench reads before it starts the process, so the two
/// subtract). Without the variable nothing is written and a mark costs one load of a cached
/// nil. Not for users: it is how the benchmark sees first frames in a real terminal.
///
/// Events:
/// - `first-paint`: the first frame of any kind reached the terminal (a loading screen, when
///   there is one).
/// - `first-frame`: the dashboard's run loop drew its first frame (the data on screen).
/// - `key-frame`: a frame drawn after the run loop read keys.
/// - `history-loaded`: a frame was drawn with every snapshot in the store (marked by the
///   caller that knows: the dashboard command, at once when there is no history to read).
/// - `reload-applied`: a reloaded state was moved into the app (its frame is drawn next).
public enum BenchProbe {
    public enum Event: String, Sendable {
        case firstPaint = "first-paint"
        case firstFrame = "first-frame"
        case keyFrame = "key-frame"
        case historyLoaded = "history-loaded"
        case reloadApplied = "reload-applied"
    }

    /// The environment variable naming the file.
    public static let variable = "ADOPT_BENCH_PROBE"

    /// The file, opened for appending at the first mark; nil when the variable is unset.
    private static let descriptor: Int32? = {
        guard let path = getenv(variable).map({ String(cString: $0) }), !path.isEmpty else { return nil }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        return fd >= 0 ? fd : nil
    }()

    /// Appends `event` with the time now, when the probe is on.
    public static func mark(_ event: Event) {
        guard let fd = descriptor else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let line = "\(event.rawValue) \(Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))\n"
        _ = line.withCString { write(fd, $0, strlen($0)) }
    }
}
