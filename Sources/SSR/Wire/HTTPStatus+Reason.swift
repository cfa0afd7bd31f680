import HTTPTypes

extension HTTPResponse.Status {
    /// The status for `code` with its standard reason phrase (`404 Not Found`), for the codes
    /// the engine sends itself; others get an empty phrase.
    static func standard(_ code: Int) -> HTTPResponse.Status {
        let known: [HTTPResponse.Status] = [
            .movedPermanently, .found, .seeOther, .temporaryRedirect, .permanentRedirect,
            .badRequest, .notFound, .methodNotAllowed, .internalServerError,
        ]
        return known.first { $0.code == code } ?? HTTPResponse.Status(code: code)
    }
}
