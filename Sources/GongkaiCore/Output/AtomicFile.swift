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
    /// sees the old file or the new one (see `OutputFile`).
    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL) throws -> Stamp {
        try write(bytes, toPath: url.path, replacing: true)
    }

    /// Writes `bytes` at `path`, creating missing folders, and returns the new file's stamp.
    static func write(_ bytes: [UInt8], toPath path: String, replacing: Bool) throws -> Stamp {
        let file = try OutputFile(path: path, replacing: replacing)
        do { try file.write(bytes) } catch { file.discard(); throw error }
        return try file.commit()
    }

    static func stamp(of info: stat) -> Stamp {
        (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }
}

/// An output file being written, in one piece or in blocks.
///
/// `replacing`: the bytes go to a temporary sibling that `commit` renames over the target, so
/// a reader, or a build that stops half-way, only ever sees the old file or the new one.
/// Otherwise straight into the target, for a fresh staging folder that nobody reads yet (one
/// inode and no rename per page).
final class OutputFile {
    let path: String
    private let target: String
    private let replacing: Bool
    private var descriptor: Int32

    init(path: String, replacing: Bool) throws {
        self.path = path
        self.replacing = replacing
        let folder = (path as NSString).deletingLastPathComponent
        target = replacing ? "\(folder)/.\((path as NSString).lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))" : path
        descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw Self.failure("cannot create", path) }
    }

    func write(_ bytes: [UInt8]) throws {
        let ok = bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
        guard ok else { throw Self.failure("cannot write", path) }
    }

    /// Closes the file, puts it in place and returns its stamp.
    func commit() throws -> AtomicFile.Stamp {
        var info = stat()
        let ok = fstat(descriptor, &info) == 0
        close(descriptor)
        descriptor = -1
        guard ok, !replacing || rename(target, path) == 0 else {
            let error = Self.failure("cannot write", path)
            unlink(target)
            throw error
        }
        return AtomicFile.stamp(of: info)
    }

    /// Closes and removes what was written: the old file, if any, stays as it was.
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(target)
    }

    private static func failure(_ what: String, _ path: String) -> Diagnostic {
        Diagnostic(path: (path as NSString).lastPathComponent,
                   message: "\(what) output file \(path): \(String(cString: strerror(errno)))")
    }
}
