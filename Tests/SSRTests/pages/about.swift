import Foundation
import HTTPTypes
import SSR

struct AboutPage: Page {
    func head(_ props: EmptyProps) -> some Markup { title { "About" } }
    func render(_ props: EmptyProps) -> some Markup { h1 { "About us" } }
}
