import Logging
import SSR

/// The test site: its pages are the files under `Tests/SSRTests/pages/`, whose paths are their
/// routes (PagesPlugin generates `PageRoutes` from them), and they exercise every behaviour of
/// the engine.
enum TestSite {
    static func engine(
        _ mode: Engine.Mode = .production, basePath: String = "", i18n: Site.I18n? = nil, custom: Bool = false,
        logger: Logger? = nil
    ) throws -> Engine {
        let site = try Site(
            pages: PageRoutes.all, document: PageRoutes.document,
            notFoundPage: custom ? PageRoutes.notFoundPage : nil, errorPage: custom ? PageRoutes.errorPage : nil,
            basePath: basePath, i18n: i18n, buildId: "B")
        return Engine(site: site, mode: mode, logger: logger ?? Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}
