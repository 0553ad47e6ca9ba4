import AdoptCore
import ArgumentParser
import Foundation

/// Reads `--tour FILE` before the terminal starts: each problem goes to standard error as
/// `FILE:LINE:COL: error: ...`, and a file with any error stops adopt with exit status 1.
func loadTourOrExit(_ path: String) throws -> Tour {
    let result = TourLoader.load(file: path)
    for p in result.problems { printError(p.description) }
    guard let tour = result.tour else { throw ExitCode(1) }
    return tour
}
