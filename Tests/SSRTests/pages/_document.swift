import Foundation
import HTTPTypes
import SSR

struct Shell: DocumentShell {
    func head() -> some Markup { Style("body{margin:0}") }
    func body(_ page: PageBody) -> some Markup { main(.class("layout")) { page } }
}
