/// Writes the `data.pkl` of a torch.save archive for contiguous float32 tensors, opcode for opcode
/// as PyTorch's pickler writes a plain `OrderedDict` of tensors (protocol 2).
///
/// Layout: `OrderedDict()` then, per tensor, `key: _rebuild_tensor_v2(storage, 0, size, stride,
/// False, OrderedDict())` where storage is the persistent id `('storage', torch.FloatStorage,
/// '<i>', 'cpu', count)`. Python memoizes each object once (BINPUT) and refers back to shared
/// ones (BINGET); this writer does the same for the shared globals and strings.
struct StateDictPickler {
    private var bytes: [UInt8] = []
    private var memoCount = 0
    /// Memo indices of the objects Python shares between tensors.
    private var shared: [String: Int] = [:]

    /// The pickle of `tensors` ((key, shape) pairs); tensor `i` lives in record `data/i`.
    static func pickle(_ tensors: [(key: String, shape: [Int])]) -> [UInt8] {
        var pickler = StateDictPickler()
        pickler.emit(.proto, 2)
        pickler.global("collections", "OrderedDict", shareAs: "OrderedDict")
        pickler.emit(.emptyTuple)
        pickler.emit(.reduce)
        pickler.memoize()
        // C pickler: one item alone uses SETITEM; otherwise MARK … SETITEMS per batch of 1000.
        if tensors.count == 1 {
            pickler.tensor(tensors[0].key, shape: tensors[0].shape, storageKey: "0")
            pickler.emit(.setItem)
        } else {
            for batchStart in stride(from: 0, to: tensors.count, by: 1000) {
                pickler.emit(.mark)
                for index in batchStart..<min(batchStart + 1000, tensors.count) {
                    pickler.tensor(tensors[index].key, shape: tensors[index].shape, storageKey: String(index))
                }
                pickler.emit(.setItems)
            }
        }
        pickler.emit(.stop)
        return pickler.bytes
    }

    // MARK: - Objects

    /// `key` and its `_rebuild_tensor_v2(...)` call.
    private mutating func tensor(_ key: String, shape: [Int], storageKey: String) {
        string(key)
        global("torch._utils", "_rebuild_tensor_v2", shareAs: "rebuild")
        emit(.mark)
        // The persistent id tuple.
        emit(.mark)
        string("storage", shareAs: "storage")
        global("torch", "FloatStorage", shareAs: "FloatStorage")
        string(storageKey)
        string("cpu", shareAs: "cpu")
        integer(shape.reduce(1, *))
        emit(.tuple)
        memoize()
        emit(.binPersID)
        integer(0)  // Storage offset.
        tuple(shape)
        tuple(TensorReference.contiguousStride(shape))
        emit(.newFalse)  // requires_grad
        // backward_hooks: OrderedDict()
        get(shared["OrderedDict"]!)
        emit(.emptyTuple)
        emit(.reduce)
        memoize()
        emit(.tuple)
        memoize()
        emit(.reduce)
        memoize()
    }

    /// A tuple of ints: EMPTY_TUPLE, TUPLE1…3, or MARK … TUPLE; memoized unless empty.
    private mutating func tuple(_ values: [Int]) {
        guard !values.isEmpty else { return emit(.emptyTuple) }
        if values.count > 3 { emit(.mark) }
        for value in values { integer(value) }
        switch values.count {
        case 1: emit(.tuple1)
        case 2: emit(.tuple2)
        case 3: emit(.tuple3)
        default: emit(.tuple)
        }
        memoize()
    }

    /// GLOBAL `module name`, or a BINGET when already written under `shareAs`.
    private mutating func global(_ module: String, _ name: String, shareAs label: String) {
        if let index = shared[label] { return get(index) }
        emit(.global)
        bytes += Array("\(module)\n\(name)\n".utf8)
        shared[label] = memoize()
    }

    /// BINUNICODE `text`, memoized; a BINGET when shared and already written.
    private mutating func string(_ text: String, shareAs label: String? = nil) {
        if let label, let index = shared[label] { return get(index) }
        let utf8 = Array(text.utf8)
        emit(.binUnicode)
        littleEndian(UInt32(utf8.count))
        bytes += utf8
        let index = memoize()
        if let label { shared[label] = index }
    }

    /// The shortest of BININT1, BININT2, BININT and LONG1 that holds `value`.
    private mutating func integer(_ value: Int) {
        switch value {
        case 0...0xFF:
            emit(.binInt1, UInt8(value))
        case 0x100...0xFFFF:
            emit(.binInt2)
            littleEndian(UInt16(value))
        case Int(Int32.min)...Int(Int32.max):
            emit(.binInt)
            littleEndian(UInt32(bitPattern: Int32(value)))
        default:
            // Two's complement, little-endian, as few bytes as keep the sign.
            var encoded: [UInt8] = []
            var rest = value
            repeat {
                encoded.append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            } while !((rest == 0 && encoded.last! < 0x80) || (rest == -1 && encoded.last! >= 0x80))
            emit(.long1, UInt8(encoded.count))
            bytes += encoded
        }
    }

    // MARK: - Memo and bytes

    /// BINPUT (or LONG_BINPUT past 255) of the next memo index, which it returns.
    @discardableResult
    private mutating func memoize() -> Int {
        let index = memoCount
        memoCount += 1
        if index <= 0xFF {
            emit(.binPut, UInt8(index))
        } else {
            emit(.longBinPut)
            littleEndian(UInt32(index))
        }
        return index
    }

    /// BINGET (or LONG_BINGET past 255) of memo `index`.
    private mutating func get(_ index: Int) {
        if index <= 0xFF {
            emit(.binGet, UInt8(index))
        } else {
            emit(.longBinGet)
            littleEndian(UInt32(index))
        }
    }

    private mutating func emit(_ opcode: PickleOpcode, _ operand: UInt8? = nil) {
        bytes.append(opcode.rawValue)
        if let operand { bytes.append(operand) }
    }

    private mutating func littleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
