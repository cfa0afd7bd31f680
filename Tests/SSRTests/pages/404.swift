import Foundation
import HTTPTypes
import SSR

struct Custom404: ErrorPage {
    func head(_ e: ErrorStatus) -> some Markup { title { "Lost" } }
    func render(_ e: ErrorStatus) -> some Markup { h1 { "custom pages/404" } }
}
