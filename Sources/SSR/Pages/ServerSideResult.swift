/// What `getServerSideProps` returns: props to render, a 404, or a redirect.
public enum ServerSideResult<Props: Codable & Sendable>: Sendable {
    /// Render the page with these props (`{ props }`).
    case props(Props)
    /// Answer 404 with the site's 404 page (`{ notFound: true }`).
    case notFound
    /// Redirect instead of rendering (`{ redirect }`).
    case redirect(Redirect)

    /// A redirect that is temporary (307) or permanent (308).
    public static func redirect(destination: String, permanent: Bool, basePath: Bool? = nil) -> Self {
        .redirect(Redirect(destination: destination, permanent: permanent, basePath: basePath))
    }

    /// A redirect with an explicit status: 301, 302, 303, 307 or 308.
    public static func redirect(destination: String, statusCode: Int, basePath: Bool? = nil) -> Self {
        .redirect(Redirect(destination: destination, statusCode: statusCode, basePath: basePath))
    }
}

/// The `redirect` object of a `getServerSideProps` result.
public struct Redirect: Sendable, Equatable {
    public var destination: String
    public var permanent: Bool?
    public var statusCode: Int?
    /// `false` leaves the site's basePath off the destination; `nil` or `true` adds it.
    public var basePath: Bool?

    public init(destination: String, permanent: Bool? = nil, statusCode: Int? = nil, basePath: Bool? = nil) {
        self.destination = destination
        self.permanent = permanent
        self.statusCode = statusCode
        self.basePath = basePath
    }

    /// The statuses Next.js allows for a redirect.
    public static let allowedStatusCodes: Set<Int> = [301, 302, 303, 307, 308]

    /// `statusCode`, else 308 when permanent, else 307.
    public var status: Int { statusCode ?? (permanent == true ? 308 : 307) }

    /// Next.js's `checkRedirectValues`: the problems, in its words, or none.
    var problems: [String] {
        var errors: [String] = []
        if permanent != nil && statusCode != nil { errors.append(Redirect.bothGiven) }
        if let statusCode, !Redirect.allowedStatusCodes.contains(statusCode) { errors.append(Redirect.badStatusCode) }
        if permanent == nil && statusCode == nil { errors.append(Redirect.permanentNotBoolean) }
        return errors
    }

    static let bothGiven = "`permanent` and `statusCode` can not both be provided"
    static let badStatusCode = "`statusCode` must undefined or one of "
        + allowedStatusCodes.sorted().map(String.init).joined(separator: ", ")
    static let permanentNotBoolean = "`permanent` must be `true` or `false`"

    /// The error for an invalid redirect returned for the request `url`.
    static func invalid(_ problems: [String], url: String) -> ServerSidePropsError {
        ServerSidePropsError(
            "Invalid redirect object returned from getServerSideProps for \(url)\n\(problems.joined(separator: " and "))\nSee more info here: https://nextjs.org/docs/messages/invalid-redirect-gssp")
    }
}
