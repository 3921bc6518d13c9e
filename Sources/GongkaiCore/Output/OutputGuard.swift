import Foundation

/// Refuses output folders a build must never replace: the project itself, a folder holding
/// the sources, or a non-empty folder that Gongkai did not create (Jekyll and Zola both once
/// deleted users' work this way).
public enum OutputGuard {
    /// The file that marks a folder as Gongkai's output.
    public static let marker = ".gongkai-output"

    public static func check(output: URL, project: Project, force: Bool = false) throws {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let sources = [project.root, project.content, project.templates].map { $0.resolvingSymlinksInPath().path }
        let shown = project.relativePath(output)
        for source in sources {
            if out == source || isInside(source, out) {
                throw Diagnostic(path: shown, message: "refusing to write the site to \(shown): it holds the project's sources")
            }
            if isInside(out, source), source != sources[0] {
                throw Diagnostic(path: shown, message: "refusing to write the site inside the sources (\(shown))")
            }
        }
        if out == "/" || out == FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path {
            throw Diagnostic(path: shown, message: "refusing to write the site to \(out)")
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Diagnostic(path: shown, message: "output \(shown) exists and is not a folder")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty, !entries.contains(marker), !force {
            throw Diagnostic(path: shown, message: "output folder \(shown) is not empty and was not made by gongkai (no \(marker)); choose another folder or pass --force")
        }
    }

    /// True when `inner` is strictly inside `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner.hasPrefix(prefix)
    }
}
