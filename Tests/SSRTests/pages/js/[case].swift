import Foundation
import HTTPTypes
import SSR

struct ObjectResultPage: ServerSidePage {
    func getServerSideProps(_ c: ServerSideContext) async throws -> ServerSideResult<JSONValue> {
        let value: JSONValue = switch c.params?["case"]?.string {
        case "ok": ["props": ["title": "From an object"]]
        case "extra": ["props": [:], "world": 1, "query": 2, "params": 3, "time": 4, "random": 5]
        case "null": nil
        case "renamed": ["unstable_notFound": true]
        case "not-found-wins": ["notFound": true, "redirect": ["destination": "/", "permanent": true]]
        case "not-found-false": ["notFound": false, "props": ["x": 1]]
        case "bad-redirect": ["redirect": ["destination": 5, "basePath": "yes"]]
        case "redirect": ["redirect": ["destination": "/about", "statusCode": 301]]
        default: ["props": ["n": .number(.infinity)]]
        }
        return try .fromObject(value, context: c)
    }
    func render(_ props: JSONValue) -> some Markup { pre { props.jsonText } }
}
