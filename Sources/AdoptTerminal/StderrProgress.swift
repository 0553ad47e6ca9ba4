#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AdoptCore
import Dispatch

/// Progress of a command-line load (or `generate`'s writing) on stderr, as cargo and pv do:
/// only when stderr is a terminal, never into a pipe, a file or a CI log. One line, redrawn
/// in place with `\r` at most five times a second, first after 150 ms (a quick load shows
/// nothing), and erased when the work ends, so what the command prints next starts clean.
public final class StderrProgress: @unchecked Sendable {
    /// Fed by the work.
    public let progress = LoadProgress()
    private let verb: String
    private let queue = DispatchQueue(label: "adopt.stderr-progress")
    private let timer: DispatchSourceTimer
    /// Touched only on `queue`.
    private var shown = false
    private var stopped = false

    /// Nil unless stderr is a terminal (and TERM is not `dumb`).
    public static func onTerminal(verb: String,
                                  environment: (String) -> String? = Terminal.processEnvironment) -> StderrProgress? {
        guard isatty(STDERR_FILENO) == 1, environment("TERM") != "dumb" else { return nil }
        return StderrProgress(verb: verb)
    }

    init(verb: String, delayMilliseconds: Int = 150, everyMilliseconds: Int = 200) {
        self.verb = verb
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(delayMilliseconds), repeating: .milliseconds(everyMilliseconds))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    /// Ends the line: the timer stops and whatever was drawn is erased.
    public func stop() {
        timer.cancel()
        queue.sync {
            stopped = true
            if shown { Self.emit("\r\u{1B}[K") }
            shown = false
        }
    }

    deinit { timer.cancel() }

    private func draw() {
        guard !stopped, let reading = progress.reading, !reading.file.isEmpty else { return }
        // One column short of the edge: a full line would wrap on some terminals.
        let line = ProgressLine(verb: verb, reading).text(width: max(10, Self.columns() - 1))
        Self.emit("\r" + line + "\u{1B}[K")
        shown = true
    }

    private static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private static func emit(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(STDERR_FILENO, buffer.baseAddress! + done, buffer.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
