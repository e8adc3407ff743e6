import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

extension OutputWriter {
    /// Puts the finished build in place of the output. Where the file system can, the two folders are
    /// exchanged in one step, so a reader (or a kill) never finds the output missing or half replaced;
    /// elsewhere three renames do it, and an interrupted run is undone by the next one.
    func swapIntoPlace() throws {
        let next = previousFolder.path
        var status = stat()
        guard lstat(output.path, &status) == 0 else {
            if rename(next, output.path) != 0 { throw swapFailure(errno) }
            return
        }
        if callsheet_exchange(next, output.path) == 0 { return }
        let failure = errno
        guard failure == EINVAL || failure == ENOSYS || failure == ENOTSUP || failure == EOPNOTSUPP else {
            throw swapFailure(failure)
        }
        // The output becomes the previous build, the new build becomes the output.
        if rename(output.path, swapFolder.path) != 0 { throw swapFailure(errno) }
        if rename(next, output.path) != 0 {
            let failure = errno
            rename(swapFolder.path, output.path)
            throw swapFailure(failure)
        }
        rename(swapFolder.path, next)
    }

    private func swapFailure(_ number: Int32) -> FileProblem {
        FileProblem(message: "the new site could not take the place of `\(displayPath)` (\(FileProblem.words(for: number)))",
                    hint: "if that folder is a mount point or a disk of its own, build into a folder beside it and copy from there")
    }

    /// Puts the output back as it was before an interrupted write: for Ctrl-C during a build.
    public func recoverFromInterruption() {
        let manager = FileManager.default
        var status = stat()
        let swap = swapFolder.path
        guard lstat(swap, &status) == 0 else { return }
        // A swap by renames was cut short: if the output is missing, the build it was is put back.
        if lstat(output.path, &status) != 0 {
            rename(swap, output.path)
            return
        }
        // The output is there and complete; the interrupted swap left the previous build here.
        if lstat(previousFolder.path, &status) != 0 {
            rename(swap, previousFolder.path)
        } else {
            try? manager.removeItem(atPath: swap)
        }
    }
}
