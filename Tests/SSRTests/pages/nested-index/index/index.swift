import Foundation
import HTTPTypes
import SSR

struct NestedIndexPage: Page {
    func render(_ props: EmptyProps) -> some Markup { "nested index" }
}
