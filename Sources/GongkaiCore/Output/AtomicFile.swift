import Foundation

/// Replaces files in place so that a reader, or a build that stops half-way, only ever sees
/// the old file or the new one: write a temporary sibling, then `rename(2)` it over the target.
public enum AtomicFile {
    /// Size and modification time (nanoseconds) of a regular file; nil when it is missing.
    public static func stamp(_ url: URL) -> (size: Int, modified: Int)? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(info.st_size), Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", url) }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
        close(descriptor)
        guard ok, rename(temporary.path, url.path) == 0 else {
            let error = failure("cannot write", url)
            unlink(temporary.path)
            throw error
        }
    }

    private static func failure(_ what: String, _ url: URL) -> Diagnostic {
        Diagnostic(path: url.lastPathComponent, message: "\(what) output file \(url.path): \(String(cString: strerror(errno)))")
    }
}
