import AdoptCore

/// Ops keys: problems pane, diff pane, acknowledging changes, reloading now.
extension App {
    /// `!`: the problems pane.
    mutating func toggleProblems() {}

    /// `d`: the diff between the current snapshot and the previous one.
    mutating func openDiff() {}

    /// `a`: clears the highlight of regions changed by the last reloads.
    mutating func acknowledgeChanges() {}

    /// `r`: asks the run loop to reload every file now.
    mutating func requestReload() {}
}
