import Foundation

/// How the site writes dates for readers, in UTC so that server and client agree.
enum Formatting {
    private static let dayStyle = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)

    /// `2026-02-20`
    static func day(_ date: Date) -> String { date.formatted(dayStyle) }

    /// `2026-02-20T09:30:00Z`
    static func timestamp(_ date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }
}
