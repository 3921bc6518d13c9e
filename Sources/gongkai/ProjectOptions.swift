import ArgumentParser
import Foundation
import GongkaiCore

/// The options every command that reads a project shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The project folder, holding Content/ and Templates/.")
    var root: String = "."

    /// The project at `--root`, writing to `output` (default: its Output/).
    func project(output: String? = nil) -> Project {
        Project(root: URL(fileURLWithPath: root), output: output.map { URL(fileURLWithPath: $0) })
    }
}
