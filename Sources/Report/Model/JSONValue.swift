import Foundation

/// A JSON value that a section puts into `report.json` (its `results`); encoded with sorted keys.
public enum JSONValue: Codable, Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number (use `float(_:)` for a Float, so that 0.1 stays 0.1).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; encoded with sorted keys.
    case object([String: JSONValue])

    // MARK: - Conveniences for tensors

    /// A Float as the shortest decimal that reads back as the same Float (0.1, not 0.10000000149011612).
    public static func float(_ value: Float) -> JSONValue {
        guard value.isFinite else { return .string(value.description) }
        return .double(Double(value.description) ?? Double(value))
    }

    /// An array of Floats, each as `float(_:)`.
    public static func floats(_ values: [Float]) -> JSONValue {
        .array(values.map(float))
    }

    /// A shape or any list of integers, e.g. `[64, 784]`.
    public static func ints(_ values: [Int]) -> JSONValue {
        .array(values.map(JSONValue.int))
    }

    // MARK: - From any Encodable

    /// The value `value` encodes to, through `JSONEncoder`: a Float becomes its shortest decimal as with
    /// `float(_:)`, a non-finite number the string `inf`, `-inf` or `nan`.
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self = try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    /// The members of the object `value` encodes to (e.g. a section's results); throws if it is not an object.
    public static func object(encoding value: some Encodable) throws -> [String: JSONValue] {
        guard case let .object(members) = try JSONValue(encoding: value) else {
            throw ReportError.invalidContent("\(type(of: value)) does not encode to a JSON object")
        }
        return members
    }

    // MARK: - Codable

    /// Decodes any JSON value; integers that fit `Int` stay integers.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Encodes the value as itself.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .double(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal (a later duplicate key wins).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `nil` as JSON null.
    public init(nilLiteral: ()) { self = .null }
}
