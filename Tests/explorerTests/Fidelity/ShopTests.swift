import Foundation
import TestSupport
import Testing

extension BinaryTests {
    /// The explorer on a Next.js app as people run theirs: the sample shop (a proxy, rewrites, a
    /// custom App with getInitialProps, getStaticProps with ISR, i18n) served by the real
    /// Next.js 15.2.4 at the root of its host and by 16.2.1 under a basePath, each as
    /// `http://localhost:PORT` (the proxy's redirects name that host). The navigations are the
    /// ones Chromium's journeys checked request by request (`ShopJourneyTests`); here they are
    /// made live, through the commands a user runs.
    @Suite(.serialized, .enabled(if: NextjsTwin.unavailable == nil, Comment(rawValue: NextjsTwin.unavailable ?? "")))
    struct ShopTests {
        static let app = NextjsTwin.package.appendingPathComponent("sample-site/nextjs-shop")

        func json(_ run: BuiltTool.Run) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        }

        func requests(_ exchange: [String: Any]) -> [String] {
            (exchange["fetches"] as? [[String: Any]] ?? []).compactMap { fetch in
                let request = fetch["request"] as? [String: Any], response = fetch["response"] as? [String: Any]
                return "\(request?["method"] as? String ?? "?") \(request?["path"] as? String ?? "?") \(response?["status"] as? Int ?? 0)"
            }
        }

        @Test func nextStart15AtTheRoot() async throws {
            let shop = try await NextjsTwin.Server(app: Self.app, configFile: "next.config.js", next16: false, buildId: "shop15-root")
            do {
                let url = "http://localhost:\(shop.port)"
                let explorer = CommandTests()

                let routes = try explorer.explorer("routes", "--url", url)
                #expect(routes.stdout.contains("┌ ● /\n├ ƒ /404\n├ ƒ /500\n├ ƒ /about\n"), "\(routes.stdout)")
                #expect(routes.stdout.contains("├ ● /deals/[id]\n"))
                #expect(routes.stdout.contains("\nƒ Middleware  (matches every path)\n"))

                // The proxy's redirect names the host absolutely: followed as the browser does.
                let hard = try json(explorer.explorer("inspect", "/old-home", "--hard", "--json", "--url", url))
                #expect(hard["url"] as? String == "/" && hard["outcome"] as? String == "page")
                #expect(requests(hard).prefix(2) == ["GET /old-home 307", "GET / 200"])
                // A click on it: the prefetched answer (a redirect without Location) is used, and
                // the transition goes on to /, whose data was prefetched too.
                let click = try json(explorer.explorer("inspect", "/old-home", "--from", "/", "--json", "--url", url))
                #expect(click["kind"] as? String == "client transition" && click["url"] as? String == "/")
                #expect((click["notes"] as? [String] ?? []).contains("The proxy redirected /old-home → /: the client transitions there; /old-home does not enter history."))
                #expect(requests(click) == ["HEAD /_next/data/shop15-root/en.json 200"])
                // Every key of the props: the custom App's beside the page's.
                let props = try #require(click["props"] as? [String: Any])
                #expect((props["shop"] as? [String: Any])?["name"] as? String == "Corner Shop")
                #expect(props["__N_SSG"] as? Bool == true)

                // The proxy's rewrite: the page it names, at the address asked for.
                let rewrite = try json(explorer.explorer("inspect", "/tea-of-the-day", "--json", "--url", url))
                #expect(rewrite["page"] as? String == "/products/[slug]" && rewrite["url"] as? String == "/tea-of-the-day")

                // ISR's headers in words.
                let deal = try explorer.explorer("inspect", "/deals/1", "--url", url)
                #expect(deal.stdout.contains("x-nextjs-cache: "))
                #expect(deal.stdout.contains("This is Next.js's header for a getStaticProps page with revalidate: 5"))

                let check = try explorer.explorer("check", "--url", url, "--max-pages", "8")
                #expect(check.stdout.contains("ƒ Middleware  (matches every path): its redirects and rewrites are followed"), "\(check.stdout)")
                #expect(check.stdout.split(separator: "\n").contains { $0.hasPrefix("/ ") && $0.contains(" 200  ●  ") }, "\(check.stdout)")
            } catch {
                await shop.stop()
                throw error
            }
            await shop.stop()
        }

        @Test func nextStart16UnderABasePath() async throws {
            let shop = try await NextjsTwin.Server(app: Self.app, configFile: "next.config.base-path.js", next16: true, buildId: "shop16-base-path")
            do {
                let url = "http://localhost:\(shop.port)/shop"
                let explorer = CommandTests()

                let routes = try explorer.explorer("routes", "--url", url)
                #expect(routes.stdout.contains("\nƒ Proxy (Middleware)  (matches every path)\n"), "\(routes.stdout)")
                #expect(routes.stdout.contains("├ ● /catalog/[category]\n"))

                // The home page of a basePath site: /shop, no loop.
                let home = try json(explorer.explorer("inspect", "/", "--hard", "--json", "--url", url))
                #expect(home["outcome"] as? String == "page" && home["url"] as? String == "/")
                #expect(requests(home).first == "GET /shop 200")

                // A rewrite of next.config.js, resolved by the client from the build manifest.
                let rewritten = try json(explorer.explorer("inspect", "/p/coffee", "--from", "/", "--json", "--url", url))
                #expect(rewritten["kind"] as? String == "client transition" && rewritten["page"] as? String == "/products/[slug]")
                #expect(((rewritten["props"] as? [String: Any])?["pageProps"] as? [String: Any])?["via"] as? String == "short")
                let from = try #require(rewritten["from"] as? [String: Any])
                #expect((from["prefetches"] as? [Any])?.isEmpty == false)

                // A URL of the app outside its basePath is not one of its pages: loaded as a document.
                let outside = try json(explorer.explorer("inspect", "http://localhost:\(shop.port)/about", "--json", "--url", url))
                #expect(outside["kind"] as? String == "hard navigation")
            } catch {
                await shop.stop()
                throw error
            }
            await shop.stop()
        }
    }
}
