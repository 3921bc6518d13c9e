import ArgumentParser
import Foundation
import GongkaiCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn raw notice pages (text or HTML, UTF-8 or GB18030/GBK) into policy records.",
        discussion: """
        Writes one record per input file into --into (default Content/records) as <slug>.md \
        (the year and serial of its 文号, else the year and a hash of its title; rename freely), \
        and reports, per file, what was found and what could not be read, with line numbers. \
        An existing record is never overwritten without --force.
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
        var written: Set<String> = []
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
                // Two inputs of one run that suggest the same slug both get written.
                var slug = result.slug
                var n = 2
                while written.contains(slug) { slug = "\(result.slug)-\(n)"; n += 1 }
                let target = folder.appendingPathComponent(slug + ".md")
                if FileManager.default.fileExists(atPath: target.path), !force {
                    throw Diagnostic(path: file, message: "\(into)/\(slug).md exists; not overwritten (use --force, or rename the existing record)")
                }
                try Data(result.recordText.utf8).write(to: target, options: .atomic)
                written.insert(slug)
                print("gongkai: \(file) → \(into)/\(slug).md (\(result.indicatorCount) indicators)")
            } catch {
                failures += 1
                _ = Terminal.fail(error)
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
