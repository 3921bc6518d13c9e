import ArgumentParser
import Dispatch
import Foundation
import GongkaiCore
import GongkaiServer
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build, serve, rebuild on every change and reload the browser."
    )

    @OptionGroup var options: ProjectOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "The address to listen on; other machines can reach anything but loopback.")
    var host: String = "127.0.0.1"

    @Option(name: .shortAndLong, help: "Also write the site into this folder (by default it is kept in memory only).")
    var output: String?

    func run() throws {
        let project = options.project()
        var options = PreviewServer.Options()
        options.host = host
        options.port = port
        options.output = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let terminal = Terminal.standardError
        if !PreviewServer.isLoopback(host) {
            terminal.line("gongkai: warning: serving on \(host): other machines can see this preview")
        }
        let server = PreviewServer(project: project, options: options, log: { terminal.line($0) })
        let host = self.host
        let failure = Mutex<Error?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in terminal.line("gongkai: serving http://\(host):\(port)/ (Ctrl-C stops)") }
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler {
                terminal.line("gongkai: stopping")
                server.stop()
            }
            source.resume()
            return source
        }
        finished.wait()
        signals.forEach { $0.cancel() }
        if let error = failure.withLock({ $0 }) { throw Terminal.fail(error) }
    }
}
