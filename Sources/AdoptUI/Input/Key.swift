/// A key press or terminal event, already decoded by the terminal layer. The app's state
/// changes are a pure function of these, so key flows are tested without a terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    /// Ctrl plus a letter, lower case (e.g. `.control("c")`).
    case control(Character)
    case function(Int)
    /// A mouse click (0-based cell position) or wheel movement.
    case click(row: Int, column: Int)
    case wheelUp(row: Int, column: Int)
    case wheelDown(row: Int, column: Int)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
}
