import Foundation

/// I-Regexp (RFC 9485) patterns run by Foundation's regular expressions: `.` outside brackets
/// matches any character but a line feed or carriage return (ICU's also skips U+2028, U+2029).
/// A pattern Foundation refuses is no match, as RFC 9535 says of an invalid one.
enum IRegexp {
    static func compile(_ pattern: String, whole: Bool) -> NSRegularExpression? {
        var translated = ""
        var inClass = false
        var escaped = false
        for character in pattern {
            if escaped {
                translated.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\":
                translated.append(character)
                escaped = true
            case "[" where !inClass:
                inClass = true
                translated.append(character)
            case "]" where inClass:
                inClass = false
                translated.append(character)
            case "." where !inClass:
                translated += "[^\\n\\r]"
            default:
                translated.append(character)
            }
        }
        return try? NSRegularExpression(pattern: whole ? "\\A(?:" + translated + ")\\z" : translated)
    }
}
