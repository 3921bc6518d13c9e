import ArgumentParser
import Foundation
import GongkaiCore

/// Writes to standard error: diagnostics, and a progress line that only a TTY gets.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardError = Terminal(descriptor: 2)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    func line(_ text: String) { write(text + "\n") }

    /// Overwrites the current line.
    func status(_ text: String) { write("\r\u{1B}[K" + text) }

    func clearStatus() { if isInteractive { write("\r\u{1B}[K") } }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Prints the first warnings in full and counts the rest, so a large archive with many
    /// uncatalogued indicators does not bury the summary line.
    func warnings(_ warnings: [Diagnostic], shown: Int = 20) {
        for warning in warnings.prefix(shown) { line(warning.description) }
        if warnings.count > shown { line("gongkai: … and \(warnings.count - shown) more warnings") }
    }

    /// Prints input problems as `path:line:col: error: …` and turns them into a failing exit.
    static func fail(_ error: Error) -> Error {
        switch error {
        case let diagnostic as Diagnostic:
            standardError.line(diagnostic.description)
        case let list as DiagnosticList:
            for diagnostic in list.diagnostics { standardError.line(diagnostic.description) }
        default:
            standardError.line("gongkai: error: \(error)")
        }
        return ExitCode.failure
    }
}
