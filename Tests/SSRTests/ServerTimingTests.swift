import Testing

@testable import SSR

/// `Server-Timing` durations: milliseconds to the microsecond, without trailing zeros.
@Suite struct ServerTimingTests {
    @Test(arguments: [
        (Duration.microseconds(1234), "1.234"), (.microseconds(1200), "1.2"), (.microseconds(1000), "1"),
        (.microseconds(5), "0.005"), (.microseconds(50), "0.05"), (.zero, "0"), (.seconds(2), "2000"),
        (.nanoseconds(999), "0"),
    ])
    func milliseconds(duration: Duration, text: String) {
        #expect(ServerTiming(gssp: duration).headerValue == "gssp;dur=\(text)")
    }

    @Test func bothPhasesOrNone() {
        #expect(ServerTiming(gssp: .microseconds(1500), render: .microseconds(20)).headerValue == "gssp;dur=1.5, render;dur=0.02")
        #expect(ServerTiming().headerValue == nil)
    }
}
