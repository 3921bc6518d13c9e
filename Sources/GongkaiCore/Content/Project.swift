import Foundation

/// Where a site's sources and output live: `Content/`, `Templates/` and `Output/` under a root.
public struct Project: Sendable {
    public var root: URL
    public var content: URL
    public var templates: URL
    public var output: URL

    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        content = self.root.appendingPathComponent("Content", isDirectory: true)
        templates = self.root.appendingPathComponent("Templates", isDirectory: true)
        self.output = (output ?? self.root.appendingPathComponent("Output", isDirectory: true)).standardizedFileURL
    }

    public var records: URL { content.appendingPathComponent("records", isDirectory: true) }
    public var siteFile: URL { content.appendingPathComponent("site.yml") }

    /// A path relative to the root, for messages: `Content/records/a.md`.
    public func relativePath(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
