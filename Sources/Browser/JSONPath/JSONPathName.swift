/// RFC 9535's member-name-shorthand (`$.name`): what a name may start with, and go on with.
public enum JSONPathName {
    public static func isFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
            || (0x80...0xD7FF).contains(scalar.value) || (0xE000...0x10FFFF).contains(scalar.value)
    }

    public static func isLater(_ scalar: Unicode.Scalar) -> Bool { isFirst(scalar) || ("0"..."9").contains(scalar) }

    /// Whether `$.name` may write it.
    public static func isShorthand(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard let first = scalars.first, isFirst(first) else { return false }
        return scalars.dropFirst().allSatisfy(isLater)
    }
}
