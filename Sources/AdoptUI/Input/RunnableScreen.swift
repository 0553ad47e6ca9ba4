/// What the terminal's run loop drives: keys in, frames out. The dashboard (`App`) is one;
/// the loading screen shown while the first data is read is the other, so both answer keys
/// and resizes through the same loop.
public protocol RunnableScreen {
    /// Applies one key press (or mouse event, or resize) and says whether to quit.
    mutating func handle(_ key: Key) -> Effect
    /// The whole frame at this size.
    func render(width: Int, height: Int) -> Grid
    /// Whether its frames show the data: adopt-bench's first frame is the first such frame,
    /// not the loading screen before it.
    var showsData: Bool { get }
}

extension RunnableScreen {
    public var showsData: Bool { true }
}

extension App: RunnableScreen {}
