import ArgumentParser
import Foundation
import GongkaiCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from Content/ (and Templates/) into Output/."
    )

    @OptionGroup var options: ProjectOptions

    @Option(name: .shortAndLong, help: "Where to write the site (default: Output/ in the project).")
    var output: String?

    @Flag(help: "Replace a non-empty output folder that gongkai did not create.")
    var force = false

    @Flag(help: "Print the wall and CPU time of each stage, and the time spent in each template.")
    var stats = false

    @Flag(help: "Rebuild everything, ignoring the cache of the last build.")
    var clean = false

    func run() throws {
        let project = options.project(output: output)
        var builder = IncrementalBuilder(project: project)
        let terminal = Terminal.standardError
        if terminal.isInteractive {
            builder.progress = { done, total in terminal.status("rendering \(done)/\(total) pages") }
        }
        do {
            let outcome = try builder.build(output: project.output, force: force, clean: clean)
            let report = outcome.report
            terminal.clearStatus()
            terminal.warnings(report.warnings)
            if stats {
                terminal.line(report.statsTable)
            }
            let work = outcome.incremental
                ? "\(outcome.rendered) rendered, \(outcome.written) written, \(outcome.removed) removed"
                : "full build"
            if outcome.upToDate {
                print(String(format: "gongkai: up to date, %d pages (checked in %.2f s) → %@", report.pages, report.seconds,
                             project.relativePath(project.output)))
            } else {
                print("gongkai: \(report.summary) (\(work)) → \(project.relativePath(project.output))")
            }
        } catch {
            terminal.clearStatus()
            throw Terminal.fail(error)
        }
    }
}
