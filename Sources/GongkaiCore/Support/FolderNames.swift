import Glibc

/// The names in an open folder (without `.` and `..`), in the order of their UTF-8 bytes:
/// `readdir(3)` straight into strings. `FileManager.contentsOfDirectory` and a `String` sort
/// took a serial quarter second for a 100,000-record folder before anything else could start.
func folderNames(_ folder: OpaquePointer) -> [String] {
    var names: [String] = []
    while let entry = readdir(folder) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != ".", name != ".." { names.append(name) }
    }
    return names.sortedByUTF8()
}
