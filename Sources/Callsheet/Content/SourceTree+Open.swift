import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

extension SourceTree {
    /// Opens a source file for reading in one step with the checks: no symbolic link anywhere on its path
    /// (the path is the one the scan resolved, so a link there now was put there since), and a regular file.
    /// The caller closes the descriptor.
    static func open(_ url: URL) -> Result<(descriptor: Int32, status: stat), FileProblem> {
        // O_NONBLOCK: opening a named pipe put in place of a file must not wait for a writer.
        let descriptor = callsheet_open_no_symlinks(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0)
        guard descriptor >= 0 else {
            switch errno {
            case ELOOP:
                return .failure(FileProblem(message: "this file was replaced by a symbolic link while the site was being built",
                                            hint: "build again; links that lead outside the folder are not followed"))
            case ENOENT:
                return .failure(FileProblem(message: "this file was removed while the site was being built", hint: "build again"))
            case let number:
                return .failure(.system(number, "this file", doing: "cannot be read"))
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return .failure(FileProblem(message: "this is not a regular file but \(FileProblem.kind(of: status.st_mode)); it cannot be published"))
        }
        return .success((descriptor, status))
    }

    /// Reads a whole source file through `open(_:)`.
    static func read(_ url: URL) -> Result<Data, FileProblem> {
        switch open(url) {
        case .failure(let problem):
            return .failure(problem)
        case .success(let (descriptor, status)):
            defer { close(descriptor) }
            return readAll(descriptor, sizeHint: Int(status.st_size)).mapError { FileProblem.system($0.code.rawValue, "this file", doing: "cannot be read") }
        }
    }

    /// Every byte from `descriptor`, or the errno of a failed read.
    static func readAll(_ descriptor: Int32, sizeHint: Int) -> Result<Data, POSIXError> {
        var data = Data(count: max(sizeHint, 0) + 1)
        var count = 0
        while true {
            if count == data.count { data.count *= 2 }
            let result = data.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
            if result == 0 { break }
            count += result
        }
        data.count = count
        return .success(data)
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
