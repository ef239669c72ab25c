import NN

/// Named tensors in insertion order, as PyTorch's `model.state_dict()` holds them.
///
/// Keys are unique; setting a new key appends it, setting an existing one keeps its place,
/// and setting `nil` removes it (like `collections.OrderedDict`).
public struct StateDict: Sendable, Equatable {
    /// The keys in order, e.g. `["0.weight", "0.bias", ...]`.
    public private(set) var keys: [String]
    private var tensors: [String: Tensor]

    /// An empty state dict.
    public init() {
        keys = []
        tensors = [:]
    }

    /// The entries in the given order; every key must be unique.
    public init(uniqueKeysWithValues entries: [(key: String, tensor: Tensor)]) {
        self.init()
        for (key, tensor) in entries {
            precondition(tensors[key] == nil, "StateDict: duplicate key '\(key)'")
            keys.append(key)
            tensors[key] = tensor
        }
    }

    /// The number of tensors.
    public var count: Int { keys.count }

    /// Whether there are no tensors.
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries in key order.
    public var entries: [(key: String, tensor: Tensor)] {
        keys.map { ($0, tensors[$0]!) }
    }

    /// The tensor stored under `key`; assigning appends a new key, replaces in place, or removes on `nil`.
    public subscript(key: String) -> Tensor? {
        get { tensors[key] }
        set {
            switch (tensors[key], newValue) {
            case (nil, let tensor?):
                keys.append(key)
                tensors[key] = tensor
            case (_?, let tensor?):
                tensors[key] = tensor
            case (_?, nil):
                keys.removeAll { $0 == key }
                tensors[key] = nil
            case (nil, nil):
                break
            }
        }
    }

    /// Equal when the keys come in the same order and each tensor has the same shape and values.
    public static func == (lhs: StateDict, rhs: StateDict) -> Bool {
        lhs.keys == rhs.keys && lhs.tensors == rhs.tensors
    }
}
