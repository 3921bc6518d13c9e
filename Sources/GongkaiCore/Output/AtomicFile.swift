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
