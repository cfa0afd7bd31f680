import Foundation
import Testing

@testable import SSR

/// Expected bytes come from node's `JSON.stringify` (v20) on the same values.
@Suite struct PropsEncoderTests {
    func json<T: Encodable>(_ value: T, scriptSafe: Bool = false) throws -> String {
        String(decoding: try PropsEncoder(scriptSafe: scriptSafe).encode(value), as: UTF8.self)
    }

    struct Post: Codable { var title: String; var id: Int; var link: String; var draft: Bool; var note: String? }

    /// A `nil` optional is `null`, never a missing key: Next.js never omits a prop (JavaScript's
    /// `undefined` is an error there), so props keep one shape.
    @Test func keysComeInDeclarationOrderAndNilMembersAreNull() throws {
        let post = Post(title: "T", id: 1, link: "/posts/1", draft: false, note: nil)
        #expect(try json(post) == #"{"title":"T","id":1,"link":"/posts/1","draft":false,"note":null}"#)
        struct Optionals: Encodable {
            var a: Int? = nil, b: Bool? = nil, c: Double? = nil, d: [String]? = nil, e: UInt8? = 7
        }
        #expect(try json(Optionals()) == #"{"a":null,"b":null,"c":null,"d":null,"e":7}"#)
    }

    @Test func numbersAreWrittenAsJavaScriptWritesThem() throws {
        // The same source texts node parsed.
        let values = ["0.1", "1e21", "1e-7", "123456789012345680000", "-1.5e-9", "9007199254740992", "0.3333333333333333", "100", "1e15", "12345.678", "5e-324", "1.7976931348623157e308"].map { Double($0)! }
        #expect(try json(["a": values]) == #"{"a":[0.1,1e+21,1e-7,123456789012345680000,-1.5e-9,9007199254740992,0.3333333333333333,100,1000000000000000,12345.678,5e-324,1.7976931348623157e+308]}"#)
        #expect(try json([-0.0, 2.5, -3]) == "[0,2.5,-3]")
        #expect(try json([Int8(-5)]) == "[-5]")
        #expect(try json([UInt64.max]) == "[18446744073709551615]")
    }

    @Test func stringsAreEscapedAsJSONStringifyDoes() throws {
        #expect(try json("a\u{1}b\"\\\n\t\u{7f}/\u{2028}") == "\"a\\u0001b\\\"\\\\\\n\\t\u{7f}/\u{2028}\"")
        #expect(try json("日本語 😀") == "\"日本語 😀\"")
        #expect(try json("\u{8}\u{c}\r\u{1f}\u{0}x€\u{2027}") == #""\b\f\r\u001f\u0000x€\#u{2027}""#)
    }

    /// The encoder writes into its own buffer and appends it whole: what was in the array stays,
    /// a value larger than the buffer's first allocation comes out entire, and a value that
    /// cannot be encoded leaves the array as it was.
    @Test func encodingAppendsAndAFailureLeavesTheOutputAlone() throws {
        var out = Array("prefix:".utf8)
        let titles = (0..<5_000).map { "post \($0) \"quoted\"" }
        try PropsEncoder().encode(titles, into: &out)
        let expected = "prefix:[" + (0..<5_000).map { #""post \#($0) \"quoted\"""# }.joined(separator: ",") + "]"
        #expect(String(decoding: out, as: UTF8.self) == expected)
        let before = out
        #expect(throws: SerializationError.self) { try PropsEncoder().encode(["a": [1, Double.nan]], into: &out) }
        #expect(out == before)
    }

    @Test func scriptSafeModeEscapesWhatCouldCloseTheScript() throws {
        #expect(try json("</script><b>&\u{2028}\u{2029}", scriptSafe: true)
            == #""\u003c/script\u003e\u003cb\u003e\u0026\u2028\u2029""#)
    }

    @Test func datesAreISOStringsWithMilliseconds() throws {
        let dates = [Date(timeIntervalSince1970: 1_714_555_800.123), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: 951_782_400)]
        #expect(try json(dates) == #"["2024-05-01T09:30:00.123Z","1969-12-31T23:59:59.999Z","2000-02-29T00:00:00.000Z"]"#)
    }

    @Test func dictionariesAreByteStableInJavaScriptPropertyOrder() throws {
        let dict: [String: Int] = ["b": 1, "2": 2, "a": 3, "1": 4, "01": 5]
        #expect(try json(dict) == #"{"1":4,"2":2,"01":5,"a":3,"b":1}"#)
        let ordered: JSONValue = ["b": 1, "2": 2, "a": 3, "1": 4, "01": 5]
        #expect(try json(ordered) == #"{"1":4,"2":2,"b":1,"a":3,"01":5}"#)  // node's exact output
    }

    @Test func nonFiniteNumbersFailWithTheirPath() throws {
        struct Inner: Codable { var n: Double }
        struct Item: Codable { var a: [Inner] }
        struct Props: Codable { var k: Item }
        #expect(throws: SerializationError(path: [.key("k"), .key("a"), .index(1), .key("n")],
            reason: "`NaN` cannot be serialized as JSON. Please only return JSON serializable data types.")) {
            try PropsEncoder().encode(Props(k: Item(a: [Inner(n: 1), Inner(n: .nan)])))
        }
        do {
            _ = try PropsEncoder().encode(["odd key": [Double.infinity]])
            Issue.record("expected an error")
        } catch {
            #expect(error.pathDescription == #"["odd key"][0]"#)
            #expect(error.reason.hasPrefix("`Infinity` cannot be serialized"))
        }
    }

    @Test func handWrittenEncodersWithNestedContainersProduceValidJSON() throws {
        struct Custom: Encodable {
            enum K: String, CodingKey { case a, b, c }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                var nested = c.nestedContainer(keyedBy: K.self, forKey: .a)
                try nested.encode(1, forKey: .b)
                var list = c.nestedUnkeyedContainer(forKey: .b)
                try list.encode("x")
                try list.encodeNil()
                try c.encode([[1], []], forKey: .c)
            }
        }
        #expect(try json(Custom()) == #"{"a":{"b":1},"b":["x",null],"c":[[1],[]]}"#)
        struct Empty: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(try json([Empty()]) == "[{}]")
        #expect(try json([Optional<Int>.none, 1]) == "[null,1]")
    }

    @Test func classHierarchiesContinueTheSameObject() throws {
        class Base: Encodable {
            var base = 1
            enum K: String, CodingKey { case base }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(base, forKey: .base)
            }
        }
        final class Derived: Base {
            enum DK: String, CodingKey { case derived }
            override func encode(to encoder: any Encoder) throws {
                try super.encode(to: encoder)
                var c = encoder.container(keyedBy: DK.self)
                try c.encode(2, forKey: .derived)
            }
        }
        #expect(try json(Derived()) == #"{"base":1,"derived":2}"#)
    }
}

@Suite struct JSONValueTests {
    @Test func parsingKeepsMemberOrderAndRoundTrips() throws {
        let text = #"{"z":1,"a":[true,false,null,"s\u00e9\ud83d\ude00",-2.5e3],"m":{"k":"v"}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.objectValue?.map(\.key) == ["z", "a", "m"])
        #expect(value["a"]?[3]?.stringValue == "sé😀")
        #expect(value.jsonText == #"{"z":1,"a":[true,false,null,"sé😀",-2500],"m":{"k":"v"}}"#)
    }

    /// Integers and strings without escapes are read directly; the rest through the general path.
    @Test func numbersAndStringsReadExactly() throws {
        let value = try JSONValue(parsing: #"[0,-0,7,-42,123456789012345,-1234567890123456,12345678901234567,1.5,1e3,-2E-2,"plain","a\nb","\u00e9t\u00e9","",12345678901234567890]"#)
        let expected: [Double] = [0, 0, 7, -42, 123_456_789_012_345, -1_234_567_890_123_456, 12_345_678_901_234_567, 1.5, 1000, -0.02]
        #expect(value.arrayValue?.prefix(10).compactMap(\.doubleValue) == expected)
        #expect(value[1]?.doubleValue?.sign == .minus)
        #expect(value.arrayValue?.dropFirst(10).prefix(4).compactMap(\.stringValue) == ["plain", "a\nb", "été", ""])
        #expect(value[14]?.doubleValue == 12_345_678_901_234_567_890)
        #expect(throws: JSONParseError(offset: 3, reason: "control character in a string")) { try JSONValue(parsing: "\"ab\u{1}\"") }
    }

    @Test func malformedJSONIsAnErrorWithAnOffset() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "\"\u{1}\"", "nul", "1 2", "\"\\x\""] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue(parsing: bad) }
        }
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
    }
}

@Suite struct ETagTests {
    /// Values from Next.js's `generateETag` run in node on the same strings.
    @Test func matchesNextJsGenerateETag() {
        #expect(ETag.of([]) == "\"78p3gz236i0\"")
        #expect(ETag.of(Array("hello".utf8)) == "\"2caikvdqo85\"")
        #expect(ETag.of(Array("CJK 日本語 emoji 😀 done".utf8)) == "\"xgkb2n6pvel\"")
        #expect(ETag.of(Array(repeating: UInt8(ascii: "x"), count: 100_000)) == "\"8ngsa0a54s255s\"")
    }

    @Test func freshnessFollowsNpmFresh() {
        let tag = "\"abc\""
        #expect(ETag.isFresh(request: [.ifNoneMatch: tag], etag: tag))
        #expect(ETag.isFresh(request: [.ifNoneMatch: "W/\"abc\""], etag: tag))
        #expect(ETag.isFresh(request: [.ifNoneMatch: "\"x\", \"abc\""], etag: tag))
        #expect(ETag.isFresh(request: [.ifNoneMatch: "*"], etag: tag))
        #expect(!ETag.isFresh(request: [.ifNoneMatch: "\"other\""], etag: tag))
        #expect(!ETag.isFresh(request: [.ifNoneMatch: tag, .cacheControl: "no-cache"], etag: tag))
        #expect(!ETag.isFresh(request: [.ifModifiedSince: "Sat, 01 Jan 2000 00:00:00 GMT"], etag: tag))
        #expect(!ETag.isFresh(request: [:], etag: tag))
    }
}

@Suite struct PrettyBytesTests {
    @Test func formatsAsNextJsPrettyBytes() {
        #expect(PrettyBytes.format(128_000) == "128 kB")
        #expect(PrettyBytes.format(886_683) == "887 kB")
        #expect(PrettyBytes.format(1_234_567) == "1.23 MB")
        #expect(PrettyBytes.format(999) == "999 B")
        #expect(PrettyBytes.format(12_345) == "12.3 kB")
    }
}
