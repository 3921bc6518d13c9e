import Foundation

/// What the last build wrote: for each output path, the fingerprint of the inputs it was
/// rendered from, the hash of its bytes and, on disk, the file's size and modification time.
///
/// It is kept in the output folder (`Output/.gongkai-cache`, beside the `.gongkai-output`
/// marker) rather than in the project: it describes that folder and nothing else, so it goes
/// away with it, a second `--output` folder gets its own, and a full build swaps the new cache
/// in with the new site. A missing, unreadable or older-version cache means a full build.
///
/// The format is one line a file, tab-separated, because a 10,000-record site has some 15,000
/// entries and reading them must cost milliseconds (JSON decoding here costs far more).
public struct BuildCache: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// `PageFingerprinter`'s fingerprint, or `asset` for copied files.
        public var fingerprint: String
        /// `ContentHash` of the bytes written.
        public var outputHash: String
        /// The file's size and modification time (nanoseconds) after it was written; zero
        /// for in-memory builds. A file whose stamp differs was changed by hand and is rewritten.
        public var size: Int
        public var modified: Int

        public init(fingerprint: String, outputHash: String, size: Int = 0, modified: Int = 0) {
            self.fingerprint = fingerprint
            self.outputHash = outputHash
            self.size = size
            self.modified = modified
        }
    }

    public static let fileName = ".gongkai-cache"
    static let header = "gongkai-cache 5"

    /// `InputStamp.digest` of the sources as they were when the build started.
    public var inputs = ""
    /// Output path (relative to the site root) → entry.
    public var entries: [String: Entry] = [:]

    public init(inputs: String = "", entries: [String: Entry] = [:]) {
        self.inputs = inputs
        self.entries = entries
    }

    /// Reads the cache of `output`; nil when there is none or it is not this version's.
    public static func load(from output: URL) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(fileName).path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(header), let inputs = lines.popFirst(), inputs.hasPrefix("inputs\t") else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5, let size = Int(fields[3]), let modified = Int(fields[4]) else { return nil }
            entries[String(fields[0])] = Entry(fingerprint: String(fields[1]), outputHash: String(fields[2]),
                                               size: size, modified: modified)
        }
        return BuildCache(inputs: String(inputs.dropFirst("inputs\t".count)), entries: entries)
    }

    /// Writes the cache into `output` atomically. Paths holding a tab or a newline are left
    /// out: those files are simply rewritten on the next build.
    public func save(to output: URL) throws {
        // Bytes appended field by field, in the order of the paths' bytes: interpolating each
        // line and comparing the paths as strings took a serial half second at the end of a
        // 100,000-record build.
        var bytes = Array((Self.header + "\ninputs\t\(inputs)\n").utf8)
        bytes.reserveCapacity(bytes.count + entries.count * 96)
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        // The paths alone sorted, then their entries looked up: sorting the entries themselves
        // moved every entry's strings about.
        for path in entries.keys.sortedByUTF8() where !path.utf8.contains(where: { $0 == tab || $0 == newline }) {
            let entry = entries[path]!
            for field in [path, entry.fingerprint, entry.outputHash, String(entry.size)] {
                bytes.append(contentsOf: field.utf8)
                bytes.append(tab)
            }
            bytes.append(contentsOf: String(entry.modified).utf8)
            bytes.append(newline)
        }
        try AtomicFile.write(bytes, to: output.appendingPathComponent(Self.fileName))
    }

    /// Removes the cache from `output`, before an incremental build starts writing: if the
    /// build stops half-way, the next one is a full build.
    public static func remove(from output: URL) throws {
        let path = output.appendingPathComponent(fileName).path
        if unlink(path) != 0, errno != ENOENT {
            throw Diagnostic(path: fileName, message: "cannot remove the build cache: \(String(cString: strerror(errno)))")
        }
    }
}
