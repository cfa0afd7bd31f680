#if canImport(Glibc)
import Glibc
#endif

/// Gives freed memory back to the system after the UI's long work. Preparing a large page
/// allocates far more than it keeps, and glibc keeps what is freed: 10 MB of props left ~45 MB
/// behind. `malloc_trim` gives it back; it is a GNU extension that Swift's Glibc module does not
/// export, hence the lookup. Elsewhere (macOS) there is no such call: it does nothing.
enum FreedMemory {
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    @Sendable static func giveBack() { _ = mallocTrim?(0) }
}
