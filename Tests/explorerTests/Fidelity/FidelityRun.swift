import Browser
import Foundation
import TestSupport

/// Sends each request to `explorer serve` and to Next.js and sorts the answers: identical,
/// identical once the README's listed differences are set aside, or different (both answers
/// kept, to be printed side by side).
struct FidelityRun: Sendable {
    let ourPort: Int
    let theirPort: Int
    let buildId: String

    struct Outcome: Sendable {
        var total = 0
        var identical = 0
        /// Cases identical once listed differences were set aside, by the differences used.
        var listed: [String: Int] = [:]
        var listedCases = 0
        var failures: [String] = []

        func summary(_ title: String) -> String {
            let listing = listed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "\(title): \(total) requests, \(identical) identical, \(listedCases) identical but for listed differences"
                + (listing.isEmpty ? "" : " (\(listing))") + ", \(failures.count) different"
        }
    }

    /// Compares every request, on a thread of its own (the sockets block). A difference is
    /// asked again twice before it counts: `/cached` carries the second it was rendered in.
    func compare(_ requests: [FidelityCase]) async -> Outcome {
        await withCheckedContinuation { continuation in
            Thread {
                var outcome = Outcome()
                for request in requests { self.compare(request, into: &outcome) }
                continuation.resume(returning: outcome)
            }.start()
        }
    }

    private func compare(_ request: FidelityCase, into outcome: inout Outcome) {
        outcome.total += 1
        var last: (ours: FrameworkView, theirs: FrameworkView)?
        for _ in 0..<3 {
            let ours: RawHTTP.Answer, theirs: RawHTTP.Answer
            do {
                ours = try RawHTTP.exchangeBlocking(request.bytes(buildId: buildId, port: ourPort), port: ourPort, timeout: 60)
                theirs = try RawHTTP.exchangeBlocking(request.bytes(buildId: buildId, port: theirPort), port: theirPort, timeout: 60)
            } catch {
                outcome.failures.append("✗ \(request)\n  not answered: \(error)")
                return
            }
            var a = FrameworkView(ours), b = FrameworkView(theirs)
            if a == b {
                outcome.identical += 1
                return
            }
            var used: [String] = []
            for difference in ListedDifference.all {
                let before = (a, b)
                difference.settle(&a, &b, request)
                if before != (a, b) { used.append(difference.id) }
            }
            if a == b {
                outcome.listedCases += 1
                for id in used { outcome.listed[id, default: 0] += 1 }
                return
            }
            last = (FrameworkView(ours), FrameworkView(theirs))
        }
        if let last { outcome.failures.append(FidelityRun.sideBySide(request, ours: last.ours, theirs: last.theirs)) }
    }

    /// The fields that differ: short ones in columns, long ones as two lines lined up on
    /// their first difference, with a caret under it; and when both carry JSON (a data
    /// response, `__NEXT_DATA__`), what differs in it by path, Next.js's side as b.
    static func sideBySide(_ request: FidelityCase, ours: FrameworkView, theirs: FrameworkView) -> String {
        func padded(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
        var lines = ["✗ \(request)", "  " + padded("", 24) + padded("explorer serve", 42) + "Next.js"]
        for (a, b) in zip(ours.fields, theirs.fields) where a.value != b.value {
            if a.value.count <= 40 && b.value.count <= 40 && !a.value.contains("\n") && !b.value.contains("\n") {
                lines.append("  " + padded(a.label, 24) + padded(a.value, 42) + b.value)
                continue
            }
            let x = Array(a.value), y = Array(b.value)
            let first = zip(x, y).prefix { $0 == $1 }.count
            let start = max(0, first - 50)
            func excerpt(_ text: [Character]) -> String {
                let end = min(text.count, first + 70)
                let piece = start < end ? String(text[start..<end]) : ""
                return (start > 0 ? "…" : "") + piece.replacingOccurrences(of: "\n", with: "⏎") + (end < text.count ? "…" : "")
            }
            lines.append("  \(a.label) (\(x.count) and \(y.count) characters, the first difference at \(first)):")
            lines.append("    explorer serve  " + excerpt(x))
            lines.append("    Next.js         " + excerpt(y))
            lines.append("                    " + String(repeating: " ", count: first - start + (start > 0 ? 1 : 0)) + "^")
        }
        if let a = ours.json, let b = theirs.json, a != b {
            lines.append("  the JSON by path (explorer serve → Next.js):")
            lines += PropsDiff(a, b, root: "").lines().map { "    " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
