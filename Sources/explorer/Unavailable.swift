import ArgumentParser
import Foundation

/// The one failure besides a bad argument (64, `EX_USAGE`, from ArgumentParser): what the
/// command needs is not there, a site that does not answer or a port in use. Said once on
/// standard error; exit status 69, `EX_UNAVAILABLE` of sysexits(3) (65, `EX_DATAERR`, for a
/// file that cannot be read as what it should be; 73, `EX_CANTCREAT`, for one that cannot be written).
enum Unavailable {
    static let exitStatus: Int32 = 69

    static func exit(_ command: String, _ message: String, code: Int32 = exitStatus) -> ExitCode {
        FileHandle.standardError.write(Data("explorer \(command): \(message)\n".utf8))
        return ExitCode(code)
    }
}
