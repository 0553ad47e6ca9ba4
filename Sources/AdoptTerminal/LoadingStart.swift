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
    /// (tests force the screen with 0), else 80 ms, so with the process start and the
    /// terminal's own start the first frame comes within about 100 ms.
    public static var grace: Double {
        if let ms = Terminal.processEnvironment("ADOPT_LOADING_GRACE_MS").flatMap(Double.init), ms >= 0 {
            return ms / 1000
        }
        return 0.08
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
    /// loading frame went out, in milliseconds (the start from /proc/self/stat, in clock
    /// ticks: ±10 ms), for measuring start to first progress frame.
    private static func logFirstFrame() {
        guard let path = Terminal.processEnvironment("ADOPT_PROGRESS_LOG") else { return }
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        let uptime = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return }
        // Fields after the command's ")": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return }
        let started = ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
        let line = "first-progress-frame-ms \(Int(((uptime - started) * 1000).rounded()))\n"
        guard let file = fopen(path, "a") else { return }
        fputs(line, file)
        fclose(file)
    }
}
