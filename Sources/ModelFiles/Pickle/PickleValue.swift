/// A value the restricted unpickler builds: Python's plain data plus the tensor pieces of torch.save.
///
/// Dicts and lists are shared boxes, as Python objects are; everything else is a plain value.
enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    case string(String)
    case tuple(PickleTuple)
    case list(PickleList)
    case dict(PickleDict)
    case global(PickleGlobal)
    /// A storage named by a persistent id, not yet read from the archive.
    case storage(StorageReference)
    /// A tensor view over a storage, from `_rebuild_tensor_v2`.
    case tensor(TensorReference)

    /// How deeply containers nest inside this value (0 for a scalar).
    var depth: Int {
        switch self {
        case .tuple(let tuple): tuple.depth
        case .list(let list): list.depth
        case .dict(let dict): dict.depth
        default: 0
        }
    }

    /// "an int", "a tuple", … for error messages.
    var kindName: String {
        switch self {
        case .none: "None"
        case .bool: "a bool"
        case .int: "an int"
        case .string: "a string"
        case .tuple: "a tuple"
        case .list: "a list"
        case .dict(let dict): dict.isOrdered ? "an OrderedDict" : "a dict"
        case .global(let global): global.qualifiedName
        case .storage: "a storage"
        case .tensor: "a tensor"
        }
    }

    /// The value as a dict key, or nil when Python could not hash it (or it is no plain scalar).
    var asKey: PickleKey? {
        switch self {
        case .none: PickleKey.none
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .string(let value): .string(value)
        default: nil
        }
    }
}

extension PickleValue {
    /// The value a dict key came from.
    init(_ key: PickleKey) {
        switch key {
        case .none: self = .none
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .string(let value): self = .string(value)
        }
    }
}

/// A hashable dict key: the scalars a state dict and its `_metadata` use.
enum PickleKey: Hashable {
    case none
    case bool(Bool)
    case int(Int)
    case string(String)
}

/// An immutable tuple with its nesting depth recorded at construction.
struct PickleTuple {
    let items: [PickleValue]
    let depth: Int

    init(_ items: [PickleValue]) {
        self.items = items
        depth = 1 + (items.map(\.depth).max() ?? 0)
    }
}

/// A storage in the archive: `('storage', torch.FloatStorage, '0', 'cpu', 6)` as a persistent id.
struct StorageReference: Equatable {
    /// The storage class name, e.g. `FloatStorage`.
    var typeName: String
    /// The record under `data/`, e.g. `0`.
    var key: String
    /// The device it was saved from, e.g. `cpu` (read onto the CPU regardless).
    var location: String
    /// The element count.
    var count: Int
}

/// A strided view over a storage: `tensor = storage[offset + Σ index_i · stride_i]`.
struct TensorReference {
    var storage: StorageReference
    var offset: Int
    var size: [Int]
    var stride: [Int]
}
