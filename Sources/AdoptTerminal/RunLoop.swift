#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AdoptUI

extension Terminal {
    /// Why the run loop ended, and the process exit status that goes with it.
    public enum Outcome: Equatable, Sendable {
        /// The app asked to quit (q, Ctrl-C).
        case quit
        /// SIGINT, SIGTERM or SIGHUP arrived.
        case signal(Int32)
        /// The terminal went away (stdin closed or hung up) without a signal.
        case hangup

        public var exitStatus: Int32 {
            switch self {
            case .quit: return 0
            case .signal(let signo): return 128 + signo
            case .hangup: return 128 + SIGHUP
            }
        }
    }
}

extension Terminal {
    /// Runs the dashboard: render, draw, wait; until the app quits or a signal arrives.
    ///
    /// Idle means idle: with nothing scheduled the loop blocks in poll(2) on the keyboard and
    /// the wake-up pipe with no timeout. When keys arrive, all of them are read and handled
    /// before one frame is rendered, so key bursts and resize storms cost one render.
    ///
    /// - Parameters:
    ///   - nextTick: when the app next wants `tick` without input (timeline playback), or
    ///     nil to sleep until a key or a wake-up.
    ///   - tick: called when that time has come or another thread called `waker.wakeUp()`.
    ///   - finished: asked after each tick; true ends the loop with `.quit` without a key
    ///     (the loading screen hands over to the dashboard so).
    public func run<Screen: RunnableScreen>(_ app: inout Screen,
                                            nextTick: (Screen) -> ContinuousClock.Instant? = { _ in nil },
                                            tick: (inout Screen) -> Void = { _ in },
                                            finished: (Screen) -> Bool = { _ in false }) -> Outcome {
        var decoder = KeyDecoder()
        var silentReadiness = 0
        // The app learns the real size the way it learns every later one.
        let (startWidth, startHeight) = size
        if app.handle(.resize(width: startWidth, height: startHeight)) == .quit { return .quit }
        var drawn = false, keysRead = false
        while true {
            if let signo = TerminalGuard.quitSignal { return .signal(signo) }
            let (width, height) = size
            draw(app.render(width: width, height: height))
            // For adopt-bench (ADOPT_BENCH_PROBE): the data's first frame, and each frame that
            // answers keys.
            if !drawn, app.showsData { drawn = true; BenchProbe.mark(.firstFrame) }
            if keysRead { keysRead = false; BenchProbe.mark(.keyFrame) }

            let deadline = nextTick(app)
            let ready = wait(until: deadline)
            if let signo = TerminalGuard.quitSignal { return .signal(signo) }
            if ready.woken { pipe.drain() }

            // Also read after a wake-up or an interrupted poll: SIGWINCH's KEY_RESIZE comes
            // through get_wch without any byte on stdin.
            let burst = readBurst()
            for key in decoder.decode(burst) where app.handle(key) == .quit {
                return .quit
            }
            if !burst.isEmpty { keysRead = true }
            if ready.hangup { return .hangup }
            // Readable but nothing to read, again and again: end of file, not a keyboard.
            silentReadiness = ready.input && burst.isEmpty ? silentReadiness + 1 : 0
            if silentReadiness >= 3 { return .hangup }

            if ready.woken || deadline.map({ ContinuousClock.now >= $0 }) == true {
                tick(&app)
                if finished(app) { return .quit }
            }
        }
    }

    struct Readiness {
        var input = false
        var woken = false
        var hangup = false
    }

    /// Blocks until a key, a wake-up, a signal or the deadline.
    func wait(until deadline: ContinuousClock.Instant?) -> Readiness {
        let timeout = deadline.map { Self.pollTimeout(ContinuousClock.now.duration(to: $0)) } ?? -1
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0),
        ]
        var ready = Readiness()
        guard poll(&fds, 2, timeout) > 0 else { return ready } // timeout or EINTR (a signal)
        let failed = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        ready.input = fds[0].revents & Int16(POLLIN) != 0
        ready.hangup = fds[0].revents & failed != 0
        ready.woken = fds[1].revents & Int16(POLLIN) != 0
        return ready
    }

    /// poll(2)'s timeout in whole milliseconds, rounded up so the loop never wakes just
    /// before the deadline and spins; 0 once it has passed.
    static func pollTimeout(_ left: Duration) -> Int32 {
        let (seconds, attoseconds) = left.components
        guard seconds >= 0, attoseconds >= 0, left > .zero else { return 0 }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let milliseconds = seconds * 1000 + (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        return Int32(min(milliseconds, Int64(Int32.max)))
    }
}
