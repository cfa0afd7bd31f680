import Browser

/// Budget verdicts as JUnit XML, the format CI systems display: a `<testsuite>` per page, a
/// `<testcase>` per budget rule, a `<failure>` with the figure when it is broken.
enum JUnitReport {
    static func xml(_ verdicts: [Budgets.Verdict], pages: [String]) -> String {
        let failures = verdicts.filter { !$0.passed }.count
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<testsuites name="explorer check" tests="\#(verdicts.count)" failures="\#(failures)">"# + "\n"
        for page in pages {
            let cases = verdicts.filter { $0.page == page }
            guard !cases.isEmpty else { continue }
            let failed = cases.filter { !$0.passed }.count
            xml += #"  <testsuite name="\#(escaped(page))" tests="\#(cases.count)" failures="\#(failed)">"# + "\n"
            for verdict in cases {
                let name = escaped(verdict.rule), classname = escaped(page)
                if verdict.passed {
                    xml += #"    <testcase classname="\#(classname)" name="\#(name)"/>"# + "\n"
                } else {
                    xml += #"    <testcase classname="\#(classname)" name="\#(name)">"# + "\n"
                    xml += #"      <failure message="\#(escaped(verdict.message))" type="\#(name)">\#(escaped("\(verdict.message) (budget for \(verdict.route))"))</failure>"# + "\n"
                    xml += "    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// Text for an attribute or element: the five XML escapes, and characters XML 1.0 forbids
    /// (controls but tab, newline, return) left out.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
