import Synchronization

/// A value shared between tasks behind a mutex, for a struct that copies (`Engine`): `Mutex` is
/// not copyable, so a copyable type holds its mutex through this class. Everywhere else the
/// package locks with `Mutex` directly.
final class LockedValue<Value: ~Copyable>: Sendable where Value: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: consuming sending Value) { mutex = Mutex(value) }
    func withLock<R>(_ body: (inout sending Value) throws -> sending R) rethrows -> sending R {
        try mutex.withLock { try body(&$0) }
    }
}
