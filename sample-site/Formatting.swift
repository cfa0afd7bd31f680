import Foundation

/// How the site writes dates for readers, in UTC so that server and client agree.
enum Formatting {
    /// `2026-02-20`
    static func day(_ date: Date) -> String { format(date, [.withFullDate]) }

    /// `2026-02-20T09:30:00Z`
    static func timestamp(_ date: Date) -> String { format(date, [.withInternetDateTime]) }

    private static func format(_ date: Date, _ options: ISO8601DateFormatter.Options) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = options
        return formatter.string(from: date)
    }
}
