#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the file system knows it: device and inode. Two paths with the same identity are
/// the same file (hard links, symbolic links, `a/../a`), which paths compared as text miss.
public struct FileIdentity: Sendable, Hashable {
    /// The device holding the file.
    var device: UInt64
    /// The file's inode on that device.
    var inode: UInt64

    /// Makes an identity from `stat` fields.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of what `path` leads to (links followed); `nil` when it does not exist.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// Whether a `st_mode` is a regular file.
    static func isRegular(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG }

    /// Whether a `st_mode` is a folder.
    static func isDirectory(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFDIR }

    /// What a file that is not regular is, for messages.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        default: "not a regular file"
        }
    }
}
