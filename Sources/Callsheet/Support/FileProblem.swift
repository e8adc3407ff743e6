import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something wrong with one file on disk, in words a coordinator understands (never an error domain and
/// a number).
public struct FileProblem: Error, LocalizedError, Sendable {
    /// What is wrong: `this file cannot be read (permission denied)`.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?

    public var errorDescription: String? { message }

    /// The problem `errno` names, for the file `what` (`this file`, `public/index.html`).
    static func system(_ number: Int32, _ what: String, doing action: String) -> FileProblem {
        FileProblem(message: "\(what) \(action) (\(words(for: number)))")
    }

    /// The cause an errno stands for, in plain words.
    static func words(for number: Int32) -> String {
        switch number {
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the disk is read-only"
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "your disk quota is used up"
        case ENAMETOOLONG: return "the path is longer than the file system allows"
        case ENOENT: return "it does not exist"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "it is a folder"
        case ELOOP: return "a part of the path is a symbolic link"
        case EIO: return "the disk reported an input/output error"
        case EMFILE, ENFILE: return "too many files are open"
        case EXDEV: return "it is on another disk"
        default: return String(cString: strerror(number)).lowercased()
        }
    }

    /// What kind of thing a file's mode says it is, for `this is not a regular file but …`.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        default: return "something other than a file"
        }
    }

    /// The errno behind a Foundation error, where it has one.
    static func errorNumber(of error: Error) -> Int32 {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return Int32(posix.code) }
        if (error as NSError).domain == NSPOSIXErrorDomain { return Int32((error as NSError).code) }
        switch (error as? CocoaError)?.code {
        case .fileReadNoPermission?, .fileWriteNoPermission?: return EACCES
        case .fileNoSuchFile?, .fileReadNoSuchFile?: return ENOENT
        default: return EIO
        }
    }
}
