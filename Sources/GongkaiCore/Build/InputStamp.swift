import Foundation

/// A digest of every source file's name, size, modification and change times and inode, and
/// of the gongkai executable itself: when it equals the one saved with the last build, no
/// input changed and a build has nothing to do, which it learns from `stat(2)` alone instead of
/// parsing thousands of records. (The change time moves on every write, even when a tool puts
/// the modification time back.)
public enum InputStamp {
    /// Stamps `Content/` and `Templates/`, every file below them.
    public static func digest(of project: Project) -> String {
        var hash = StableHash()
        hash.combine(generator)
        for folder in [project.content, project.templates] {
            walk(folder.path, into: &hash)
        }
        return hash.hex
    }

    /// The running executable's size and times: a new gongkai may render differently, so a
    /// cache written by another build of it is not trusted.
    public static let generator: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    private static func walk(_ path: String, into hash: inout StableHash) {
        guard let folder = opendir(path) else {
            hash.combine("absent \(path)")
            return
        }
        defer { closedir(folder) }
        let names = folderNames(folder)
        // Each file's numbers as they are, from `fstatat` in the open folder: formatting them as
        // text and resolving each path from the root took most of a no-change build.
        // On all cores: at 100,000 records the walk took a serial half second before any
        // build could start.
        let descriptor = dirfd(folder)
        let infos = names.parallelMap { name -> stat? in
            var info = stat()
            return fstatat(descriptor, name, &info, 0) == 0 ? info : nil
        }
        for (name, info) in zip(names, infos) {
            guard let info else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                hash.combine("dir \(name)")
                walk(path + "/" + name, into: &hash)
            } else {
                hash.combine(name)
                let numbers = (Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                               Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec), UInt64(info.st_ino))
                withUnsafeBytes(of: numbers) { hash.combine($0) }
            }
        }
    }
}
