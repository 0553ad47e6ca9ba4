import AdoptCore
import AdoptTerminal
import AdoptUI
import Foundation

/// Runs the interactive dashboard over `store` until the user quits or a signal arrives, and
/// returns the process exit status: 0 on `q` / Ctrl-C, 128+signo on SIGINT, SIGTERM or SIGHUP,
/// 2 (with a message on stderr, the screen untouched) when stdin/stdout is not a terminal or
/// TERM is unknown. The terminal is restored on every one of these paths.
func runDashboard(store: Store, dataPath: String) -> Int32 {
    let terminal: Terminal
    do {
        terminal = try Terminal()
    } catch {
        FileHandle.standardError.write(Data("adopt: \(error)\n".utf8))
        return 2
    }
    var app = App(store: store, dataPath: dataPath)
    // Playback asks to be woken after `tickInterval`; idle, the loop sleeps until a key.
    let outcome = terminal.run(&app, nextTick: { app in app.tickInterval.map { .now + $0 } },
                               tick: { $0.tick() })
    terminal.close()
    return outcome.exitStatus
}
