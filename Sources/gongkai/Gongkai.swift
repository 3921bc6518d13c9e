import ArgumentParser
import CJemalloc

@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Builds a government information disclosure (政府信息公开) website from policy records.",
        subcommands: [BuildCommand.self, ServeCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
