/// The globals a state-dict pickle may name; every other `module.name` is refused.
///
/// Naming a global here never imports or runs anything: each is a tag the unpickler interprets.
enum PickleGlobal: Equatable {
    /// `collections.OrderedDict`, the state dict itself and empty backward-hook dicts.
    case orderedDict
    /// `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])`.
    case rebuildTensorV2
    /// `torch._utils._rebuild_parameter(tensor, requires_grad, hooks)`.
    case rebuildParameter
    /// `torch.<Name>Storage`, the storage class named in a persistent id (e.g. `FloatStorage`).
    case storageType(String)

    /// The allowed global `module.name`, or nil for anything else.
    init?(module: String, name: String) {
        switch (module, name) {
        case ("collections", "OrderedDict"): self = .orderedDict
        case ("torch._utils", "_rebuild_tensor_v2"): self = .rebuildTensorV2
        case ("torch._utils", "_rebuild_parameter"): self = .rebuildParameter
        case ("torch", _) where Self.isStorageClassName(name): self = .storageType(name)
        default: return nil
        }
    }

    /// The dotted name, e.g. `torch.FloatStorage`.
    var qualifiedName: String {
        switch self {
        case .orderedDict: "collections.OrderedDict"
        case .rebuildTensorV2: "torch._utils._rebuild_tensor_v2"
        case .rebuildParameter: "torch._utils._rebuild_parameter"
        case .storageType(let name): "torch.\(name)"
        }
    }

    /// `FloatStorage`, `LongStorage`, …: letters and digits ending in `Storage`.
    private static func isStorageClassName(_ name: String) -> Bool {
        name.count > "Storage".count && name.count <= 40 && name.hasSuffix("Storage")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
