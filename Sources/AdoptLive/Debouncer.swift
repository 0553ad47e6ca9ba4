/// Holds changed paths per directory until that directory has been quiet for a while, so a
/// writer that writes in several chunks, or writes a temporary file and renames it, is
/// reported once, after it settles.
struct Debouncer {
    /// How long a directory must be quiet, in nanoseconds.
    let quiet: UInt64
    private var pending: [String: (paths: Set<String>, deadline: UInt64)] = [:]

    init(quiet: UInt64) { self.quiet = quiet }

    /// Records a change in `directory` at `now`, pushing that directory's deadline back.
    mutating func note(_ paths: some Sequence<String>, in directory: String, now: UInt64) {
        var entry = pending[directory] ?? (paths: [], deadline: 0)
        entry.paths.formUnion(paths)
        entry.deadline = now + quiet
        pending[directory] = entry
    }

    /// The paths of every directory quiet since its deadline, which are then forgotten.
    mutating func takeDue(now: UInt64) -> Set<String> {
        var due = Set<String>()
        for (directory, entry) in pending where entry.deadline <= now {
            due.formUnion(entry.paths)
            pending[directory] = nil
        }
        return due
    }

    /// The earliest deadline, nil when nothing is pending.
    var nextDeadline: UInt64? { pending.values.map(\.deadline).min() }
}
