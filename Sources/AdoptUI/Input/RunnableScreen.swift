/// What the terminal's run loop drives: keys in, frames out. The dashboard (`App`) is one;
/// the loading screen shown while the first data is read is the other, so both answer keys
/// and resizes through the same loop.
public protocol RunnableScreen {
    /// Applies one key press (or mouse event, or resize) and says whether to quit.
    mutating func handle(_ key: Key) -> Effect
    /// The whole frame at this size.
    func render(width: Int, height: Int) -> Grid
}

extension App: RunnableScreen {}
