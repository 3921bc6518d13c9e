import Foundation

/// One input file as read from disk.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the project root.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads a file as UTF-8; anything else is an error that names the file.
    public static func read(_ url: URL, as path: String) throws -> SourceFile {
        try read(atPath: url.path, as: path)
    }

    /// `read(_:as:)` for a file system path: a record file's path is made by appending its name
    /// to the folder's, as `URL` parses and normalises paths on every use.
    public static func read(atPath filePath: String, as path: String) throws -> SourceFile {
        guard let text = String(validating: try bytes(atPath: filePath, as: path), as: UTF8.self) else { throw notUTF8(path) }
        return SourceFile(path: path, text: text)
    }

    static func notUTF8(_ path: String) -> Diagnostic {
        Diagnostic(path: path, message: "file is not UTF-8 text (convert it, or use 'gongkai import' for GBK pages)")
    }

    /// A file's bytes, read with POSIX calls (Foundation's `Data(contentsOf:)` stats and
    /// copies more than a build of 10,000 records can afford).
    public static func bytes(atPath filePath: String, as path: String) throws -> [UInt8] {
        let descriptor = open(filePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw unreadable(path) }
        // One byte more than the size, so that reaching the end needs no second buffer; left
        // uninitialised, as zeroing it first cost as much as the read.
        let capacity = max(Int(info.st_size), 0) + 1
        var bytes = try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { if errno == EINTR { continue }; throw unreadable(path) }
                if count == 0 { return }
                filled += count
            }
        }
        // The file grew since `fstat`: read it to its end.
        var chunk = [UInt8](repeating: 0, count: bytes.count == capacity ? 65536 : 0)
        while !chunk.isEmpty {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 { if errno == EINTR { continue }; throw unreadable(path) }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    private static func unreadable(_ path: String) -> Diagnostic {
        Diagnostic(path: path, message: "cannot read file: \(String(cString: strerror(errno)))")
    }
}
