import HTTPTypes

extension Response {
    /// A complete response with the headers every engine response carries: Content-Type,
    /// Content-Length, Cache-Control, Server-Timing and, for rendered bodies, the ETag. They
    /// replace any of the same name among `headers`.
    init(
        status: HTTPResponse.Status, headers: HTTPFields, contentType: String, cacheControl: String,
        body: [UInt8], timing: ServerTiming, etag: Bool = false
    ) {
        var ours: [HTTPField] = []
        ours.reserveCapacity(5)
        ours.append(HTTPField(name: .contentType, value: contentType))
        ours.append(HTTPField(name: .cacheControl, value: cacheControl))
        if etag { ours.append(HTTPField(name: .eTag, value: ETag.of(body))) }
        ours.append(HTTPField(name: .contentLength, value: String(body.count)))
        if let timing = timing.headerValue { ours.append(HTTPField(name: .serverTiming, value: timing)) }
        // One append of all five: each `HTTPFields.append` is a generic call into the package.
        var fields = headers
        if !fields.isEmpty { fields = HTTPFields(fields.filter { field in !ours.contains { $0.name == field.name } }) }
        fields.append(contentsOf: ours)
        self.init(head: HTTPResponse(status: status, headerFields: fields), body: body)
    }
}
