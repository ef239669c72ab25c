import Datasets

/// A tensor PyTorch returned, as the `scripts/torch_*_reference.py` recorders store it: every element, or for
/// large ones a SHA-256 and samples of the elements. Tests compare what nnreport draws against it bit for bit.
public struct TorchRecording: Decodable, Sendable {
    /// `float32` (elements are bit patterns) or `int64`.
    public let dtype: String
    /// The number of elements.
    public let count: Int
    /// Every element (at most 128 of them).
    public let values: [Int64]?
    /// SHA-256 (hex) of the elements' little-endian bytes: 4 per float32, 8 per int64.
    public let sha256: String?
    /// The first and last 8 elements of a digested result.
    public let head: [Int64]?
    public let tail: [Int64]?
    /// Elements 0, 4096, 8192, … of a digested result.
    public let strided: [Int64]?

    /// The spacing of `strided`.
    static let stride = 4096

    /// Why `floats` differ from this float32 recording, or nil when every bit agrees.
    public func mismatch(_ floats: [Float]) -> String? {
        guard dtype == "float32" else { return "recorded \(dtype), compared with float32 values" }
        return mismatch(floats.map { Int64($0.bitPattern) }, bytes: littleEndianBytes(floats.map(\.bitPattern)))
    }

    /// Why `integers` differ from this int64 recording, or nil when they agree.
    public func mismatch(_ integers: [Int64]) -> String? {
        guard dtype == "int64" else { return "recorded \(dtype), compared with int64 values" }
        return mismatch(integers, bytes: littleEndianBytes(integers))
    }

    /// Why `elements`, as recorded (float32 bit patterns or int64 values, by `dtype`), differ, or nil.
    public func mismatch(recorded elements: [Int64]) -> String? {
        dtype == "float32" ? mismatch(elements.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) }) : mismatch(elements)
    }

    /// Compares elements (as recorded: bit patterns or integers) and their bytes.
    private func mismatch(_ elements: [Int64], bytes: [UInt8]) -> String? {
        guard elements.count == count else { return "\(elements.count) elements, PyTorch has \(count)" }
        if let values {
            guard values.count == count else { return "malformed result: \(values.count) values of \(count)" }
            guard let index = elements.indices.first(where: { elements[$0] != values[$0] }) else { return nil }
            let differing = zip(elements, values).filter { $0 != $1 }.count
            return "\(differing) of \(count) elements differ; first at \(index): \(describe(elements[index])), "
                + "PyTorch \(describe(values[index]))"
        }
        guard let sha256, let head, let tail, let strided else { return "malformed result: no values, no digest" }
        if Array(elements.prefix(head.count)) != head {
            return "first elements \(elements.prefix(head.count).map(describe)), PyTorch \(head.map(describe))"
        }
        if Array(elements.suffix(tail.count)) != tail {
            return "last elements \(elements.suffix(tail.count).map(describe)), PyTorch \(tail.map(describe))"
        }
        let sampled = Swift.stride(from: 0, to: elements.count, by: Self.stride).map { elements[$0] }
        guard sampled.count == strided.count else { return "\(strided.count) strided samples, expected \(sampled.count)" }
        if let index = sampled.indices.first(where: { sampled[$0] != strided[$0] }) {
            return "element \(index * Self.stride): \(describe(sampled[index])), PyTorch \(describe(strided[index]))"
        }
        let digest = SHA256.hexDigest(of: bytes)
        return digest == sha256 ? nil : "SHA-256 \(digest) differs from PyTorch's \(sha256)"
    }

    /// An element as a reader wants it: a float with its bits, or an integer.
    private func describe(_ element: Int64) -> String {
        guard dtype == "float32" else { return "\(element)" }
        let bits = UInt32(truncatingIfNeeded: element)
        return "\(Float(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
    }
}

/// The little-endian bytes of `values`, as PyTorch's recorder hashed them.
private func littleEndianBytes<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8] {
    values.map(\.littleEndian).withUnsafeBytes { Array($0) }
}
