import Browser
import Foundation
import SSR
import Testing

/// Every case of the JSONPath Compliance Test Suite (`../shared/data/jsonpath-cts/cts.json`):
/// valid queries select the nodes the suite lists, with their normalized paths, in its order
/// (or one of the orders it allows); invalid ones are refused.
@Suite struct JSONPathComplianceTests {
    static let suite = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/jsonpath-cts/cts.json").standardized

    @Test(.enabled(if: FileManager.default.fileExists(atPath: suite.path), "the compliance suite is not beside the repository"))
    func everyCase() throws {
        let tests = try #require(try JSONValue(parsing: String(contentsOf: Self.suite, encoding: .utf8))["tests"]?.arrayValue)
        #expect(tests.count == 703)
        var failures: [String] = []
        for test in tests {
            let name = test["name"]?.stringValue ?? "?", selector = test["selector"]?.stringValue ?? ""
            let query: JSONPath
            do {
                query = try JSONPath(selector)
            } catch {
                if test["invalid_selector"] != .bool(true) { failures.append("\(name): refused \(selector): \(error)") }
                continue
            }
            if test["invalid_selector"] == .bool(true) {
                failures.append("\(name): took \(selector), which is invalid")
                continue
            }
            let found = query.evaluate(test["document"] ?? .null)
            let values = found.map(\.value), paths = found.map { JSONValue.string($0.path.description) }
            let allowed: [(JSONValue, JSONValue)] = if let result = test["result"], let resultPaths = test["result_paths"] {
                [(result, resultPaths)]
            } else {
                zip(test["results"]?.arrayValue ?? [], test["results_paths"]?.arrayValue ?? []).map { ($0, $1) }
            }
            if !allowed.contains(where: { $0.0 == .array(values) && $0.1 == .array(paths) }) {
                failures.append("\(name): \(selector) gave \(JSONValue.array(values).jsonText) at \(JSONValue.array(paths).jsonText)")
            }
        }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) of \(tests.count) cases fail:\n" + failures.prefix(40).joined(separator: "\n")))
    }

    /// A query on props as the Props view shows them, and the paths it gives back.
    @Test func propsAndPaths() throws {
        let props = try JSONValue(parsing: #"{"pageProps":{"posts":[{"id":9991,"title":"a"},{"id":9995,"title":"b"}],"odd key":{"it's":1}}}"#)
        let titles = try JSONPath("$..posts[?@.id > 9990].title").evaluate(props)
        #expect(titles.map(\.path.description) == ["$['pageProps']['posts'][0]['title']", "$['pageProps']['posts'][1]['title']"])
        #expect(titles.map(\.value) == ["a", "b"])
        let odd = try JSONPath(#"$.pageProps['odd key']["it's"]"#).evaluate(props)
        #expect(odd.map(\.path.description) == [#"$['pageProps']['odd key']['it\'s']"#] && odd.first?.value == 1)
    }

    @Test func errorsSayWhatAndWhere() {
        func problem(_ query: String) -> JSONPath.SyntaxError? {
            do { _ = try JSONPath(query); return nil } catch { return error }
        }
        #expect(problem("$.a[?@.b == ]") == JSONPath.SyntaxError(message: "“]” does not start an expression", offset: 12))
        #expect(problem("$.a[?@.b == ]")?.description == "“]” does not start an expression (at character 13)")
        #expect(problem("posts")?.offset == 0)
        #expect(problem("$[?length(@.a)]")?.message == "length() gives a value: compare it (length(…) == …)")
        #expect(problem("$[?match(@.a)]")?.message == "match() takes 2 arguments, not 1")
    }
}
