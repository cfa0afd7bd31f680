import Foundation
import HTTPTypes
import SSR

struct Shell: DocumentShell {
    func head() -> some Markup { Style("body{margin:0}") }
    func body(_ page: HTML) -> some Markup { main(.class("layout")) { page } }
}
