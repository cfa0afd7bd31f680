import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server could not start listening, in words a user can act on.
public struct ListenError: Error, Sendable, CustomStringConvertible {
    public let description: String

    /// `error` from binding `host:port` in words, or `nil` when it is not a binding error.
    init?(_ error: any Error, host: String, port: Int) {
        let address = "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE:
                description = "\(address) is already in use (another server is listening there): choose another port with --port, or --port 0 for any free one"
            case EADDRNOTAVAIL:
                description = "\(host) is not an address of this machine: listen on one of its own with --host (127.0.0.1 by default, 0.0.0.0 for every one)"
            case EACCES:
                description = "listening on \(address) is not allowed (ports below 1024 need privileges): choose another with --port"
            default:
                return nil
            }
        } else if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            description = "\(host) is not a host name or address this machine can resolve: give one with --host, such as 127.0.0.1"
        } else {
            return nil
        }
    }
}
