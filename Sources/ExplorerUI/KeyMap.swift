/// Every key, for the help window (the README's key map says the same).
public enum KeyMap {
    public static let sections: [(title: String, keys: [(key: String, action: String)])] = [
        ("Navigate", [
            ("↑ ↓  j k", "move in the focused list or view"),
            ("Enter", "open the route (client transition; [id] asks)"),
            ("g", "go to a path (client transition; Tab: hard)"),
            ("H", "hard navigation to the current path"),
            ("l", "links of the page: pick one to follow (next/link)"),
            ("b  Backspace", "back (re-fetched, as Next.js does); ←→ top left: lit when possible"),
            ("f", "forward"),
            ("r", "repeat the navigation (or reload the site)"),
            ("Esc", "stop the navigation on its way"),
            ("h", "history of this session's exchanges"),
            ("c", "compare hard navigation and client transition"),
        ]),
        ("Views", [
            ("Tab  Shift-Tab", "next / previous pane"),
            ("1 2 3 4  0", "Props, HTML, Headers, Timing; 0 the routes"),
            ("z", "zoom the focused pane (again to restore)"),
            ("PgUp PgDn Home End", "scroll"),
            ("← →", "scroll sideways (HTML, Headers, Timing)"),
            ("w", "wrap long lines, or not (HTML, Headers, Timing)"),
            ("/  n  N", "search the focused view; next, previous"),
        ]),
        ("Props", [
            ("Enter  Space", "fold or unfold the node; Enter on a value shows it whole"),
            ("← →", "fold / go to parent; unfold / go to child"),
            ("+  -", "open or fold one level everywhere"),
            ("e  x", "open everything; fold everything"),
            ("s", "size by key against the 128 kB threshold"),
        ]),
        ("Requests", [
            ("o", "set a header (Name: value) or cookie (name=value)"),
            ("y", "copy the request as a curl command (OSC 52)"),
        ]),
        ("", [
            ("?", "this help"),
            ("Esc", "close a window, leave zoom, clear the search"),
            ("q", "quit"),
        ]),
    ]
}
