import Testing

/// Every test that runs the built binary, one at a time: they block while a process runs,
/// and the machine has two cores, so running them side by side would starve the async tests
/// of the other targets of threads (they then time out).
@Suite(.serialized) enum BinaryTests {}
