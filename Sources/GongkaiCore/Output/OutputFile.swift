import Foundation

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
        // Split at the last `/` by hand: `NSString`'s path methods cost more than the write.
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
        target = replacing ? "\(folder)/.\(name).tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))" : path
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
