import AdoptCore
import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

/// One fuzz input: any bytes are a candidate snapshot file. The loader must return (a snapshot
/// or problems) and never trap, hang or touch memory it does not own (AddressSanitizer watches).
///
/// Why a `main` that calls `LLVMFuzzerRunDriver` rather than `@_cdecl("LLVMFuzzerTestOneInput")`
/// under `-parse-as-library`: SwiftPM links Linux executables with `--defsym main=<module>_main`,
/// which does not exist without top-level code, so the link fails. The callback below is the
/// same function libFuzzer would call as `LLVMFuzzerTestOneInput`.
@_cdecl("LLVMFuzzerTestOneInput")
public func snapshotLoaderTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = SnapshotLoader.parse(bytes: bytes, file: "fuzz.json")
    // The contract every input must keep, checked so that a broken one stops the fuzzer.
    if result.snapshot == nil && !result.problems.contains(where: { $0.severity == .error }) {
        fatalError("no snapshot but no error either")
    }
    for p in result.problems {
        if p.line < 1 || p.column < 1 { fatalError("a problem without a position: \(p.description.debugDescription)") }
        if p.description.unicodeScalars.contains(where: isUnsafeForTerminal) {
            fatalError("a problem's text would reach the terminal raw: \(p.description.debugDescription)")
        }
    }
    return 0
}

/// C0 and C1 controls, DEL and bidirectional overrides and isolates.
func isUnsafeForTerminal(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, snapshotLoaderTestOneInput))
