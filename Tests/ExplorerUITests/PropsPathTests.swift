import Browser
import SSR
import Testing
@testable import ExplorerUI

/// A props node's path as jq, JavaScript and JSONPath write it, for awkward keys; the JSONPath
/// form evaluated on the props gives back the node.
@Suite struct PropsPathTests {
    @Test func awkwardKeysInEveryForm() throws {
        let props = try JSONValue(parsing: #"{"pageProps":{"posts":[{"title":"a"}],"odd key":{"it's \"q\"":1},"a.b":2,"":3,"日本":{"x":4},"$id":5,"_ok9":6},"__N_SSP":true}"#)
        let tree = JSONTree(props, size: PropsSize(props), sensitive: [])
        func path(_ label: String) throws -> PropsPath { PropsPath(tree.steps(of: try #require(tree.nodes.firstIndex { $0.label == label }))) }
        let title = try path("title")
        #expect(title.jq == ".pageProps.posts[0].title")
        #expect(title.javaScript == "props.pageProps.posts[0].title")
        #expect(title.jsonPath == "$.pageProps.posts[0].title")
        let quoted = try path(#"it's "q""#)
        #expect(quoted.jq == #".pageProps."odd key"."it's \"q\"""#)
        #expect(quoted.javaScript == #"props.pageProps["odd key"]["it's \"q\""]"#)
        #expect(quoted.jsonPath == #"$.pageProps['odd key']['it\'s "q"']"#)
        #expect(try path("a.b").jq == #".pageProps."a.b""# && path("a.b").javaScript == #"props.pageProps["a.b"]"#)
        #expect(try path("").jq == #".pageProps."""# && path("").jsonPath == "$.pageProps['']")
        #expect(try path("日本").jsonPath == "$.pageProps.日本" && path("日本").jq == #".pageProps."日本""#)
        #expect(try path("$id").javaScript == "props.pageProps.$id" && path("$id").jq == #".pageProps."$id""#)
        #expect(try path("_ok9").jq == ".pageProps._ok9")
        // Every node: its JSONPath selects exactly it, with the value the path reads.
        let root = props
        for index in tree.nodes.indices {
            let path = PropsPath(tree.steps(of: index))
            let found = try JSONPath(path.jsonPath).evaluate(root)
            #expect(found.count == 1 && found.first?.value == path.value(in: root), "\(path.jsonPath)")
            #expect(found.first?.path == NormalizedPath(path.steps))
        }
    }
}
