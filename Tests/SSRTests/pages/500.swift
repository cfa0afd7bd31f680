import Foundation
import HTTPTypes
import SSR

struct Custom500: ErrorPage {
    func head(_ e: ErrorStatus) -> some Markup { title { "Oops" } }
    func render(_ e: ErrorStatus) -> some Markup { h1 { "custom pages/500" } }
}
