import Foundation
import Synchronization
import GongkaiCore
import Hummingbird
import Logging
import ServiceLifecycle

/// `gongkai serve`: builds the site (into memory, or into `output` when given), serves it on
/// one port, watches the sources, rebuilds what changed and reloads open pages.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        /// Loopback by default: the preview is for the editor's own browser.
        public var host = "127.0.0.1"
        /// 0 picks a free port (tests); `onReady` gets the one bound.
        public var port = 8080
        /// Build into this folder too, instead of only into memory.
        public var output: URL?
        /// How long the sources must stay quiet before a rebuild starts.
        public var debounce: Duration = .milliseconds(100)

        public init() {}
    }

    public let project: Project
    public let options: Options
    private let log: @Sendable (String) -> Void
    private let site = LiveSite()
    private let channel = ReloadChannel()
    private let watcher = Mutex<FileWatcher?>(nil)
    private let group = Mutex<ServiceGroup?>(nil)
    private let stopped = Mutex(false)

    public init(project: Project, options: Options, log: @escaping @Sendable (String) -> Void) {
        self.project = project
        self.options = options
        self.log = log
    }

    /// Builds, then serves until `stop()`. `onReady` is called with the bound port once the
    /// server listens.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        if let output = options.output { try OutputGuard.check(output: output, project: project) }
        let coordinator = RebuildCoordinator(project: project, output: options.output, site: site, channel: channel, log: log)
        await coordinator.rebuild(changed: [])

        let batcher = ChangeBatcher(quiet: options.debounce) { changed in await coordinator.rebuild(changed: changed) }
        let watcher = try FileWatcher(project: project) { changed in Task { await batcher.add(changed) } }
        self.watcher.withLock { $0 = watcher }
        watcher.start()
        defer { stop() }

        var logger = Logger(label: "gongkai.serve")
        logger.logLevel = .warning
        let app = Application(
            responder: SiteResponder(site: site, channel: channel),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "gongkai"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        self.group.withLock { $0 = group }
        if stopped.withLock({ $0 }) { return }
        try await group.run()
    }

    /// Stops watching, ends the open event streams and shuts the server down gracefully:
    /// `run()` returns.
    public func stop() {
        stopped.withLock { $0 = true }
        watcher.withLock { $0?.stop(); $0 = nil }
        channel.close()
        if let group = group.withLock({ $0 }) { Task { await group.triggerGracefulShutdown() } }
    }

    /// True for addresses only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
