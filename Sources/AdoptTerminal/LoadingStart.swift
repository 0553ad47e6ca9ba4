#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AdoptCore
import AdoptUI
import Foundation

/// The dashboard's start while its data loads in the background: a load that ends within a
/// moment (`grace`) starts exactly as if it had been read first (its problems can still go
/// to stderr before the screen starts); a longer one gets the terminal at once, with the
/// loading screen redrawn five times a second, keys read (`q`, Ctrl-C quit) and resizes
/// honoured, and hands the open terminal on to the dashboard when the data is in.
public enum LoadingStart {
    public enum Result<Value> {
        /// The load ended within the grace time; no terminal was opened.
        case quick(Value)
        /// The load ended on the loading screen; the terminal is open.
        case loaded(Value, Terminal)
        /// The user quit (or a signal came) while loading; the terminal is closed again.
        case ended(Terminal.Outcome)
    }

    /// How long a load may take before the loading screen shows: `ADOPT_LOADING_GRACE_MS`
    /// (tests force the screen with 0), else until 70 ms after the process started (at most
    /// 70 ms from now), so that with the terminal's own start the first frame comes within
    /// about 100 ms of the command, however long the process took to reach `main`.
    public static var grace: Double {
        if let ms = Terminal.processEnvironment("ADOPT_LOADING_GRACE_MS").flatMap(Double.init), ms >= 0 {
            return ms / 1000
        }
        let target = 0.07
        return max(0, target - (processAge ?? 0))
    }

    /// Seconds since this process started (Linux: /proc/self/stat, in clock ticks, so ±10 ms);
    /// nil where that cannot be read.
    static var processAge: Double? {
        var now = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_BOOTTIME, &now)
        #else
        return nil
        #endif
        let uptime = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command's ")": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        return max(0, uptime - ticks / Double(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// How often the loading screen redraws (the rate and time left move).
    static let frame: Duration = .milliseconds(200)

    /// - Parameters:
    ///   - open: opens the terminal; if it cannot (not a tty, unknown TERM), the load is
    ///     waited for and returned as `.quick`, so the caller fails as it always has.
    public static func run<Value: Sendable>(_ load: BackgroundLoad<Value>, dataPath: String, grace: Double = LoadingStart.grace,
                                            open: () throws -> Terminal) -> Result<Value> {
        if let value = load.wait(seconds: grace) { return .quick(value) }
        let terminal: Terminal
        do {
            terminal = try open()
        } catch {
            return .quick(load.wait())
        }
        let waker = terminal.waker
        load.whenDone { waker.wakeUp() }
        let progress = load.progress
        var screen = LoadingScreen(dataPath: dataPath, reading: progress.reading)
        var drawn = false
        let outcome = terminal.run(&screen, nextTick: { _ in
            // Asked right after each frame is drawn: the first one is logged.
            if !drawn { drawn = true; logFirstFrame() }
            return .now + frame
        }, tick: { screen in
            screen.reading = progress.reading
            screen.finished = load.result != nil
        }, finished: { $0.finished })
        if screen.finished, let value = load.result { return .loaded(value, terminal) }
        terminal.close()
        return .ended(outcome)
    }

    /// `ADOPT_PROGRESS_LOG=FILE`: appends how long after the process started the first
    /// loading frame went out, in milliseconds (±10 ms), for measuring start to first
    /// progress frame.
    private static func logFirstFrame() {
        guard let path = Terminal.processEnvironment("ADOPT_PROGRESS_LOG"), let age = processAge else { return }
        guard let file = fopen(path, "a") else { return }
        fputs("first-progress-frame-ms \(Int((age * 1000).rounded()))\n", file)
        fclose(file)
    }
}
