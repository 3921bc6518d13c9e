import Foundation

/// Every output file is written here, with POSIX calls: `FileManager` and `URL` stat the disk
/// on the way (creating folders, guessing whether a path is a folder), which cost more than the
/// writes themselves at 10,000 pages.
public enum AtomicFile {
    /// Size and modification time (nanoseconds) of a regular file.
    public typealias Stamp = (size: Int, modified: Int)

    /// The stamp of the file at `url`; nil when it is missing.
    public static func stamp(_ url: URL) -> Stamp? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return stamp(of: info)
    }

    /// Replaces the file in place so that a reader, or a build that stops half-way, only ever
    /// sees the old file or the new one: writes a temporary sibling, then `rename(2)`s it over
    /// the target.
    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL) throws -> Stamp {
        try write(bytes, toPath: url.path, replacing: true)
    }

    /// Writes `bytes` at `path`, creating missing folders, and returns the new file's stamp.
    /// `replacing`: atomically, as `write(_:to:)`; otherwise straight into the file, for a fresh
    /// staging folder that nobody reads yet (one inode and no rename per page).
    static func write(_ bytes: [UInt8], toPath path: String, replacing: Bool) throws -> Stamp {
        let target = replacing ? temporarySibling(of: path) : path
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        var info = stat()
        let ok = writeAll(bytes, to: descriptor) && fstat(descriptor, &info) == 0
        close(descriptor)
        guard ok, !replacing || rename(target, path) == 0 else {
            let error = failure("cannot write", path)
            if replacing { unlink(target) }
            throw error
        }
        return stamp(of: info)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
    }

    private static func temporarySibling(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        return "\(folder)/.\(name).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    private static func stamp(of info: stat) -> Stamp {
        (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    private static func failure(_ what: String, _ path: String) -> Diagnostic {
        Diagnostic(path: (path as NSString).lastPathComponent,
                   message: "\(what) output file \(path): \(String(cString: strerror(errno)))")
    }
}
