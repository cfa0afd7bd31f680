/// The error page of development mode (Next.js's dev overlay, server-rendered): the message,
/// the page, and the error value. Never served in production, where nothing internal leaks.
struct DevErrorPage: HTMLScope {
    let error: NextData.DevError
    let page: String

    @MarkupBuilder func body() -> some Markup {
        div(.attr("data-nextjs-dialog"), .style("font-family:ui-monospace,monospace;max-width:960px;margin:40px auto;padding:0 16px")) {
            h1(.style("color:#d32f2f")) { "Unhandled Runtime Error" }
            p { strong { error.name } }
            pre(.id("error-message"), .style("white-space:pre-wrap;background:#fff0f0;padding:12px;border-left:4px solid #d32f2f")) {
                error.message
            }
            h2 { "Source" }
            p { "Page: "; code { page } }
            h2 { "Error value" }
            pre(.style("white-space:pre-wrap;background:#f6f6f6;padding:12px")) { error.stack }
            p(.style("color:#666")) {
                "This page is shown in development mode only. In production the 500 page is served and the error is logged."
            }
        }
    }
}
