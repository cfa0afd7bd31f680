import Testing

@testable import SSRServer

/// Which answers get gzip and `Vary: Accept-Encoding`: decided for every response.
@Suite struct CompressionTests {
    @Test func compressibleTypes() {
        for type in ["text/html; charset=utf-8", "TEXT/HTML", " text/plain ", "application/json", "Application/JSON; charset=utf-8", "application/javascript"] {
            #expect(Compression.isCompressible(type), "\(type)")
        }
        for type in [nil, "", "image/png", "application/jsonx", "application/octet-stream", "texts/html", "application/json5"] {
            #expect(!Compression.isCompressible(type), "\(type ?? "nil")")
        }
    }

    @Test func acceptEncoding() {
        #expect(Compression.acceptsGzip("gzip, deflate, br"))
        #expect(Compression.acceptsGzip("*"))
        #expect(!Compression.acceptsGzip("gzip;q=0"))
        #expect(!Compression.acceptsGzip("br"))
        #expect(!Compression.acceptsGzip(nil))
    }
}
