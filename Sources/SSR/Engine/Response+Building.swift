import HTTPTypes

extension Response {
    /// A complete response with the headers every engine response carries: Content-Type,
    /// Content-Length, Cache-Control, Server-Timing and, for rendered bodies, the ETag.
    init(
        status: HTTPResponse.Status, headers: HTTPFields, contentType: String, cacheControl: String,
        body: [UInt8], timing: ServerTiming, etag: Bool = false
    ) {
        var fields = headers
        fields[.contentType] = contentType
        fields[.cacheControl] = cacheControl
        if etag { fields[.eTag] = ETag.of(body) }
        fields[.contentLength] = String(body.count)
        if let timing = timing.headerValue { fields[.serverTiming] = timing }
        self.init(head: HTTPResponse(status: status, headerFields: fields), body: body)
    }
}
