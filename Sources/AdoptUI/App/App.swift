import AdoptCore

/// What the run loop should do after a key.
public enum Effect: Equatable, Sendable {
    case none
    case quit
}

/// The whole dashboard's state and its update function (the Elm architecture): the terminal
/// layer feeds it keys and asks it for frames; nothing here touches the terminal.
public struct App {
    public var store: Store
    /// Where the data came from, for the status bar.
    public var dataPath: String

    public init(store: Store, dataPath: String) {
        self.store = store
        self.dataPath = dataPath
    }

    /// Applies one key press.
    public mutating func handle(_ key: Key) -> Effect {
        if key == .character("q") || key == .control("c") { return .quit }
        return .none
    }

    /// Draws the whole screen.
    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        grid.put("adopt: \(store.current.deployments.count) deployments", row: 0, column: 0)
        return grid
    }
}
