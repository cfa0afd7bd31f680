/// Where JSON text is written: an array of bytes, or the props encoder's own buffer.
protocol ByteOutput {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension ByteOutput {
    mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }
}

extension Array: ByteOutput where Element == UInt8 {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}
