import Foundation
import HTTPTypes
import SSR

/// How long a fetch took, in phases: what the client measured (total; connect, time to first
/// byte and download over HTTP) and what the server reported in `Server-Timing` (`gssp`,
/// `render`).
public struct Timing: Sendable, Equatable {
    public struct Phase: Sendable, Equatable {
        public enum Source: Sendable, Equatable {
            /// Measured by the explorer.
            case client
            /// Reported by the server in `Server-Timing`.
            case server
        }
        public var name: String
        public var milliseconds: Double
        public var source: Source

        public init(name: String, milliseconds: Double, source: Source) {
            self.name = name
            self.milliseconds = milliseconds
            self.source = source
        }
    }

    /// From sending the request to the last byte of the response.
    public var totalMilliseconds: Double
    public var phases: [Phase]

    public init(totalMilliseconds: Double, phases: [Phase] = []) {
        self.totalMilliseconds = totalMilliseconds
        self.phases = phases
    }

    /// The client-measured total and the server's phases from `headers`' `Server-Timing`.
    public init(total: Duration, serverTimingOf headers: HTTPFields) {
        self.init(
            totalMilliseconds: total.inMilliseconds,
            phases: Timing.parseServerTiming(headers[values: .serverTiming].joined(separator: ",")))
    }

    /// `3.14 ms`, `42.0 ms`: how the explorer writes a duration.
    public static func text(milliseconds ms: Double) -> String {
        String(format: ms < 10 ? "%.2f ms" : "%.1f ms", ms)
    }

    /// `Server-Timing: gssp;dur=1.2, render;dur=0.3;desc="HTML"`: the metrics with a duration,
    /// in order. Malformed entries are skipped (the header is advisory).
    public static func parseServerTiming(_ value: String) -> [Phase] {
        value.split(separator: ",").compactMap { metric in
            let parts = metric.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "dur",
                    let duration = Double(pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))), duration.isFinite
                else { continue }
                return Phase(name: name, milliseconds: duration, source: .server)
            }
            return nil
        }
    }
}
