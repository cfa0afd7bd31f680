/// A node's location as RFC 9535 writes it: `$['a'][0]`.
public struct NormalizedPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Equatable, Hashable {
        case name(String), index(Int)
    }
    public var steps: [Step] = []

    public init(_ steps: [Step] = []) { self.steps = steps }

    func appending(_ step: Step) -> NormalizedPath { NormalizedPath(steps + [step]) }

    public var description: String {
        var text = "$"
        for step in steps {
            switch step {
            case .index(let index): text += "[\(index)]"
            case .name(let name):
                text += "['"
                for scalar in name.unicodeScalars {
                    switch scalar {
                    case "\u{8}": text += "\\b"
                    case "\u{C}": text += "\\f"
                    case "\n": text += "\\n"
                    case "\r": text += "\\r"
                    case "\t": text += "\\t"
                    case "'": text += "\\'"
                    case "\\": text += "\\\\"
                    default:
                        if scalar.value < 0x20 {
                            let hex = String(scalar.value, radix: 16)
                            text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        } else {
                            text.unicodeScalars.append(scalar)
                        }
                    }
                }
                text += "']"
            }
        }
        return text
    }
}
