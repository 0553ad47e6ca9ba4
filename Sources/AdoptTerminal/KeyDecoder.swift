import AdoptUI
import CNcursesw

/// Decodes raw input into `Key`s, and drops what is not a key press.
///
/// ncurses decodes the escape sequences it knows (arrows, F-keys, mouse reports). What it does
/// not know arrives as ESC followed by more characters in the same burst: terminal replies
/// (cursor position `ESC [ 12;5 R`, OSC colour answers `ESC ] 11;rgb:... BEL`, DCS, APC) and
/// Alt+key combinations. Those are swallowed whole, so no reply turns into a command
/// (k9s #3885). A lone ESC at the end of a burst (ncurses already waited ESCDELAY for more) is
/// the Esc key.
///
/// A sequence never reaches past the end of its burst: a terminal writes a reply at once,
/// while a person who pressed Alt+[ must not lose the next key they type.
struct KeyDecoder {
    private enum State: Equatable {
        case ground
        /// ESC seen; what follows decides.
        case escape
        /// Inside `ESC [ ...`: until a final byte 0x40...0x7E.
        case controlSequence
        /// After `ESC O`: one more character.
        case singleShift
        /// Inside `ESC ] ...`, `ESC P ...`, `ESC _ ...`, `ESC ^ ...`: until BEL or ESC \.
        case string(sawEscape: Bool, length: Int)
    }

    private var state = State.ground
    /// A string sequence longer than this is not a reply: stop swallowing input.
    static let longestString = 512

    /// Decodes one burst (everything that was waiting). A lone ESC at the end is the Esc key;
    /// an unfinished sequence is dropped.
    mutating func decode(_ burst: [RawInput]) -> [Key] {
        var keys: [Key] = []
        for input in burst {
            feed(input, into: &keys)
        }
        if state == .escape { keys.append(.escape) }
        state = .ground
        return keys
    }

    private mutating func feed(_ input: RawInput, into keys: inout [Key]) {
        guard case .scalar(let v) = input else {
            // A key ncurses decoded begins something new: a pending ESC was the Esc key,
            // a half-read reply is abandoned.
            if state == .escape { keys.append(.escape) }
            state = .ground
            if let key = Self.key(for: input) { keys.append(key) }
            return
        }
        if let key = step(v) { keys.append(key) }
    }

    /// Advances the escape-sequence state by one typed character.
    private mutating func step(_ v: UInt32) -> Key? {
        switch state {
        case .ground:
            if v == 27 { state = .escape; return nil }
            return Self.key(forScalar: v)
        case .escape:
            switch v {
            case 0x5B: state = .controlSequence          // [
            case 0x4F: state = .singleShift              // O
            case 0x5D, 0x50, 0x5F, 0x5E:                  // ] P _ ^
                state = .string(sawEscape: false, length: 0)
            case 27: state = .escape                     // ESC ESC: the first was a key press
                return .escape
            default: state = .ground                     // Alt+key: not a dashboard command
            }
            return nil
        case .controlSequence:
            if (0x40...0x7E).contains(v) || v == 27 || v < 0x20 { state = v == 27 ? .escape : .ground }
            return nil
        case .singleShift:
            state = .ground
            return nil
        case .string(let sawEscape, let length):
            if v == 7 || (sawEscape && v == 0x5C) || length >= Self.longestString {
                state = .ground
            } else {
                state = .string(sawEscape: v == 27, length: length + 1)
            }
            return nil
        }
    }

    /// A key ncurses decoded, a mouse event or a resize.
    static func key(for input: RawInput) -> Key? {
        switch input {
        case .scalar(let v):
            return key(forScalar: v)
        case .resize(let width, let height):
            return .resize(width: width, height: height)
        case .mouse(let report):
            switch report.action {
            case .press: return .click(row: report.row, column: report.column)
            case .wheelUp: return .wheelUp(row: report.row, column: report.column)
            case .wheelDown: return .wheelDown(row: report.row, column: report.column)
            case .other: return nil
            }
        case .keyCode(let code):
            return key(forCode: code)
        }
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1, KEY_BEG, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// A typed character: controls become named keys or Ctrl+letter, the rest is text.
    static func key(forScalar v: UInt32) -> Key? {
        switch v {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(v + 0x60)!))
        case 0..<0x20, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(v) else { return nil }
            return .character(Character(scalar))
        }
    }
}
