/// An invalid `getServerSideProps` result, with Next.js's message.
public struct ServerSidePropsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
