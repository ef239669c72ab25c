/// A floating-point element type that state-dict files store and this library converts to `Float`.
public enum ElementType: String, Sendable, CaseIterable {
    case float32
    case float16
    case bfloat16
    case float64

    /// Bytes per element.
    public var byteCount: Int {
        switch self {
        case .float16, .bfloat16: 2
        case .float32: 4
        case .float64: 8
        }
    }

    /// The safetensors `dtype` name (`F32`, `F16`, `BF16`, `F64`).
    public var safetensorsName: String {
        switch self {
        case .float32: "F32"
        case .float16: "F16"
        case .bfloat16: "BF16"
        case .float64: "F64"
        }
    }

    /// The element type named `name` in a safetensors header, or nil for any other dtype.
    init?(safetensorsName name: String) {
        guard let match = Self.allCases.first(where: { $0.safetensorsName == name }) else { return nil }
        self = match
    }

    /// The legacy storage class that torch.save references in persistent ids, e.g. `FloatStorage`.
    var torchStorageName: String {
        switch self {
        case .float32: "FloatStorage"
        case .float16: "HalfStorage"
        case .bfloat16: "BFloat16Storage"
        case .float64: "DoubleStorage"
        }
    }

    /// The element type of the `torch.<name>` storage class, or nil for any other class.
    init?(torchStorageName name: String) {
        guard let match = Self.allCases.first(where: { $0.torchStorageName == name }) else { return nil }
        self = match
    }
}
