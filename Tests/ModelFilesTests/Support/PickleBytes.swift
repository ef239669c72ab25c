/// Hand-assembled pickle bytes for tests: torch.save's opcodes, or deliberately broken ones.
struct PickleBytes {
    private(set) var bytes: [UInt8] = [0x80, 0x02]  // PROTO 2

    /// Raw bytes as they are.
    mutating func raw(_ more: [UInt8]) { bytes += more }

    mutating func global(_ module: String, _ name: String) {
        bytes += [0x63] + Array("\(module)\n\(name)\n".utf8)
    }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        bytes += [0x58] + littleEndian(UInt32(utf8.count)) + utf8
    }

    /// BININT1 for 0...255, BININT within 32 bits, LONG1 of 8 bytes beyond.
    mutating func int(_ value: Int) {
        if (0...255).contains(value) {
            bytes += [0x4B, UInt8(value)]
        } else if let small = Int32(exactly: value) {
            bytes += [0x4A] + littleEndian(UInt32(bitPattern: small))
        } else {
            bytes += [0x8A, 0x08] + littleEndian(UInt64(bitPattern: Int64(value)))
        }
    }

    /// MARK ints TUPLE (or EMPTY_TUPLE).
    mutating func intTuple(_ values: [Int]) {
        guard !values.isEmpty else { return bytes.append(0x29) }
        mark()
        for value in values { int(value) }
        bytes.append(0x74)
    }

    mutating func mark() { bytes.append(0x28) }
    mutating func tuple() { bytes.append(0x74) }
    mutating func emptyTuple() { bytes.append(0x29) }
    mutating func reduce() { bytes.append(0x52) }
    mutating func setItem() { bytes.append(0x73) }
    mutating func stop() { bytes.append(0x2E) }

    /// `collections.OrderedDict()` on the stack.
    mutating func orderedDict() {
        global("collections", "OrderedDict")
        emptyTuple()
        reduce()
    }

    /// `key: _rebuild_tensor_v2(('storage', torch.<type>, storageKey, 'cpu', count), offset, size, stride,
    /// False, OrderedDict())` set into the dict on the stack.
    mutating func tensorItem(_ key: String, storageType: String = "FloatStorage", storageKey: String,
                             count: Int, offset: Int = 0, size: [Int], stride: [Int]) {
        string(key)
        global("torch._utils", "_rebuild_tensor_v2")
        mark()
        mark()
        string("storage")
        global("torch", storageType)
        string(storageKey)
        string("cpu")
        int(count)
        tuple()
        bytes.append(0x51)  // BINPERSID
        int(offset)
        intTuple(size)
        intTuple(stride)
        bytes.append(0x89)  // NEWFALSE
        orderedDict()
        tuple()
        reduce()
        setItem()
    }

    /// A whole state-dict pickle with one float32 tensor of `size`/`stride`/`offset` over `count` elements.
    static func oneTensor(_ key: String = "w", storageType: String = "FloatStorage", count: Int,
                          offset: Int = 0, size: [Int], stride: [Int]) -> [UInt8] {
        var pickle = PickleBytes()
        pickle.orderedDict()
        pickle.tensorItem(key, storageType: storageType, storageKey: "0", count: count,
                          offset: offset, size: size, stride: stride)
        pickle.stop()
        return pickle.bytes
    }

    private func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
