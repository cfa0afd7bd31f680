import HTTPTypes

extension EngineResponse {
    /// A complete response with the headers an engine response carries: Content-Type and
    /// Cache-Control (each where Next.js sends one), Content-Length, Server-Timing and, for
    /// rendered bodies, the ETag. They replace any of the same name among `headers`.
    init(
        status: HTTPResponse.Status, headers: HTTPFields, contentType: String?, cacheControl: String?,
        body: [UInt8], timing: ServerTiming, etag: Bool = false
    ) {
        // A literal when all five are there (a rendered page): `HTTPFields`' literal fills its
        // storage directly, where every other way of adding a field is a generic call into the
        // package (5% of a small page's time).
        var fields: HTTPFields
        let length = String(body.count)
        if etag, let contentType, let cacheControl, let timing = timing.headerValue {
            fields = [
                .contentType: contentType, .cacheControl: cacheControl, .eTag: ETag.of(body), .contentLength: length,
                .serverTiming: timing,
            ]
        } else {
            fields = [:]
            if let contentType { fields.append(HTTPField(name: .contentType, value: contentType)) }
            if let cacheControl { fields.append(HTTPField(name: .cacheControl, value: cacheControl)) }
            if etag { fields.append(HTTPField(name: .eTag, value: ETag.of(body))) }
            fields.append(HTTPField(name: .contentLength, value: length))
            if let timing = timing.headerValue { fields.append(HTTPField(name: .serverTiming, value: timing)) }
        }
        if !headers.isEmpty {
            var all = HTTPFields(headers.filter { field in !fields.contains(field.name) })
            all.append(contentsOf: fields)
            fields = all
        }
        self.init(head: HTTPResponse(status: status, headerFields: fields), body: body)
    }
}
