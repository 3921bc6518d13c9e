import Foundation
import GongkaiCore

/// Watches `Content/` and `Templates/` with inotify, every subfolder included, and reports
/// changed paths (project-relative). Copes with editors that save by renaming a temporary
/// file over the original (a `MOVED_TO`), with new folders (watched as they appear, and their
/// files reported), with deletes, and with the kernel's queue overflowing (reported as `*`:
/// anything may have changed).
final class FileWatcher: @unchecked Sendable {
    /// What the whole-site event is called.
    static let everything = "*"

    private let project: Project
    private let descriptor: Int32
    private let onChange: @Sendable ([String]) -> Void
    private let lock = NSLock()
    /// Watch descriptor → project-relative folder ("" for the project root).
    private var folders: [Int32: String] = [:]
    private var stopped = false
    private var thread: Thread?

    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF)
    /// At the project root only the appearance or disappearance of `Content/` and `Templates/` matters.
    private static let rootMask = UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)
    private static let watchedRoots = ["Content", "Templates"]

    init(project: Project, onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.project = project
        self.onChange = onChange
        descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        guard descriptor >= 0 else {
            throw Diagnostic(path: ".", message: "cannot watch files (inotify): \(String(cString: strerror(errno)))")
        }
        add(project.root, as: "", mask: Self.rootMask)
        for name in Self.watchedRoots { addTree(name) }
    }

    deinit { close(descriptor) }

    /// Starts reading events on a thread of its own.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "gongkai-watch"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    func stop() { lock.withLock { stopped = true } }

    private func add(_ url: URL, as relative: String, mask: UInt32) {
        let wd = inotify_add_watch(descriptor, url.path, mask)
        if wd >= 0 { lock.withLock { folders[wd] = relative } }
    }

    /// Watches `relative` and every folder below it; returns the files found, so files created
    /// before the watch was in place are not missed.
    @discardableResult
    private func addTree(_ relative: String) -> [String] {
        let url = project.root.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        add(url, as: relative, mask: Self.folderMask)
        var files: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !Self.isIgnored(name) {
            let child = relative + "/" + name
            var childIsFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &childIsFolder),
               childIsFolder.boolValue {
                files += addTree(child)
            } else {
                files.append(child)
            }
        }
        return files
    }

    /// Editor and build leftovers that are not inputs: hidden files (swap files, our own
    /// temporary files), backups (`a.md~`) and vim's write test file.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !lock.withLock({ stopped }) {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let changed = parse(buffer[..<count])
            if !changed.isEmpty { onChange(changed) }
        }
    }

    private func parse(_ bytes: ArraySlice<UInt8>) -> [String] {
        var changed: [String] = []
        var offset = bytes.startIndex
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= bytes.endIndex {
            let (wd, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let base = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: base, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: base + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: base + 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + headerSize)..<(offset + headerSize + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += headerSize + length
            changed += handle(wd: wd, mask: mask, name: name)
        }
        return changed
    }

    private func handle(wd: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return [Self.everything] }
        if mask & UInt32(IN_IGNORED) != 0 {
            lock.withLock { _ = folders.removeValue(forKey: wd) }
            return []
        }
        guard let folder = lock.withLock({ folders[wd] }) else { return [] }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { return [folder] }
        guard !name.isEmpty, !Self.isIgnored(name) else { return [] }
        if folder.isEmpty {
            guard Self.watchedRoots.contains(name) else { return [] }
            return [name] + addTree(name)
        }
        let path = folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            return [path] + addTree(path)
        }
        return [path]
    }
}
