import ArgumentParser
import Foundation
import GongkaiCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn raw notice pages (text or HTML, UTF-8 or GB18030/GBK) into policy records.",
        discussion: """
        Writes one record per input file into --into (default Content/records) as <slug>.md, and
        reports, per file, what was found and what could not be read, with line numbers. An
        existing record is never overwritten without --force.
        """
    )

    @Argument(help: "The pages to import.")
    var files: [String]

    @Option(name: .long, help: "The folder to write records into.")
    var into: String = "Content/records"

    @Flag(help: "Print the records on standard output instead of writing files.")
    var stdout = false

    @Flag(help: "Overwrite existing records.")
    var force = false

    @Flag(name: .shortAndLong, help: "Only print problems, not what was found.")
    var quiet = false

    func run() throws {
        let terminal = Terminal.standardError
        let importer = NoticeImporter()
        var failures = 0
        for file in files {
            do {
                let data: Data
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                    throw Diagnostic(path: file, message: "cannot read file: \(error.localizedDescription)")
                }
                let result = try importer.importNotice(data: data, path: file)
                for finding in result.findings where !(quiet && finding.kind != .unread) {
                    let severity = finding.kind == .unread ? "warning" : "note"
                    terminal.line("\(file):\(max(finding.line, 1)):1: \(severity): \(finding)")
                }
                if stdout {
                    print(result.recordText, terminator: "")
                    continue
                }
                let folder = URL(fileURLWithPath: into, isDirectory: true)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let target = folder.appendingPathComponent(result.slug + ".md")
                if FileManager.default.fileExists(atPath: target.path), !force {
                    throw Diagnostic(path: file, message: "\(into)/\(result.slug).md exists; not overwritten (use --force, or rename the existing record)")
                }
                try Data(result.recordText.utf8).write(to: target, options: .atomic)
                print("gongkai: \(file) → \(into)/\(result.slug).md (\(result.indicatorCount) indicators)")
            } catch {
                failures += 1
                _ = Terminal.fail(error)
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
