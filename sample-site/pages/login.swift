import SSR

/// A static page that explains the demo session (the dashboard redirects here).
struct LoginPage: Page {
    func head(_ props: EmptyProps) -> some Markup { title { "Log in · The Swift Gazette" } }

    func render(_ props: EmptyProps) -> some Markup {
        h1 { "Log in" }
        p { "The dashboard is personalized: it needs a session. This demo has no password form; send the demo token instead, as a cookie or a bearer token:" }
        pre { code { "Cookie: session=demo-token\nAuthorization: Bearer demo-token" } }
        p { "With the explorer: "; code { "explorer inspect /dashboard --cookie session=demo-token" }; "." }
        p { "A second user has the token "; code { "second-token" }; ": the dashboard must never show one user's data to the other." }
    }
}
