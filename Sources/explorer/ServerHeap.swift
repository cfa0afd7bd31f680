#if canImport(Glibc)
import Glibc
#endif

/// `explorer serve`'s heap, kept for the next request instead of given back. glibc maps a block
/// over its threshold (128 kB at first) from fresh pages and unmaps it when it is freed, and
/// gives a heap's free top back too, so each large page's buffers (its props, its document,
/// their copy for the socket) came as fresh pages, each faulted in and zeroed: in a profile of
/// `/archive`'s data request under load, a tenth of the server's time. With blocks under 32 MB
/// taken from the heap and its top given back only past 256 MB, that request took 17% less CPU
/// and the document 10%, for about 6 MB more resident memory. `mallopt` is glibc's, not in
/// Swift's Glibc module (hence the lookup); elsewhere (macOS) this does nothing.
enum ServerHeap {
    static func keepFreedMemory() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD
        _ = mallopt(-1, 256 << 20)  // M_TRIM_THRESHOLD
        #endif
    }
}
