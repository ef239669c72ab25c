import Foundation

/// The JSON header of a safetensors file: one entry per tensor and the optional `__metadata__`.
///
/// Foundation parses the JSON; `JSONObjectMembers` only finds member boundaries so that a repeated
/// name is rejected instead of silently shadowing the other.
struct SafetensorsHeader {
    /// One tensor's entry as written, before its dtype and byte range are checked against the data.
    struct Entry {
        var key: String
        var dtype: String
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    /// The tensor entries in the order the header lists them.
    var entries: [Entry]
    /// The `__metadata__` strings (empty when absent).
    var metadata: [String: String]

    /// The header key that holds metadata instead of a tensor.
    static let metadataKey = "__metadata__"

    /// Parses the header text `bytes`, which starts at byte `fileOffset` of the file named `file`.
    static func parse(_ bytes: [UInt8], fileOffset: Int, file: String) throws(ModelFileError) -> SafetensorsHeader {
        func failure(_ problem: ModelFileError.Problem) -> ModelFileError {
            ModelFileError(file: file, problem: problem)
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw failure(.headerNotUTF8(offset: fileOffset + bad))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String
            throw failure(.headerNotJSON(reason: detail ?? "\(error)"))
        }
        guard object is [String: Any],
              let members = JSONObjectMembers.members(of: bytes, in: 0..<bytes.count) else {
            throw failure(.headerNotObject)
        }

        var header = SafetensorsHeader(entries: [], metadata: [:])
        var seen = Set<String>()
        for member in members {
            guard let key = decodeString(bytes, member.name), seen.insert(key).inserted else {
                throw failure(.duplicateHeaderKey(decodeString(bytes, member.name) ?? "?", within: nil))
            }
            if key == metadataKey {
                header.metadata = try parseMetadata(bytes, member.value, failure: failure)
            } else {
                header.entries.append(try parseEntry(key: key, bytes, member.value, failure: failure))
            }
        }
        return header
    }

    // MARK: - Members

    /// `{"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}` for tensor `key`.
    private static func parseEntry(key: String, _ bytes: [UInt8], _ range: Range<Int>,
                                   failure: (ModelFileError.Problem) -> ModelFileError) throws(ModelFileError) -> Entry {
        func invalid(_ reason: String) -> ModelFileError { failure(.invalidTensorEntry(key: key, reason: reason)) }
        guard let fields = JSONObjectMembers.members(of: bytes, in: range) else {
            throw invalid("entry is not a JSON object")
        }
        var dtype: String?, shape: [Int]?, offsets: [Int]?
        var seen = Set<String>()
        for field in fields {
            let name = decodeString(bytes, field.name) ?? "?"
            guard seen.insert(name).inserted else { throw failure(.duplicateHeaderKey(name, within: key)) }
            switch name {
            case "dtype":
                guard let value = decodeString(bytes, field.value) else { throw invalid("dtype is not a string") }
                dtype = value
            case "shape":
                guard let value = decode([Int].self, bytes, field.value), value.allSatisfy({ $0 >= 0 }) else {
                    throw invalid("shape is not a list of non-negative integers")
                }
                shape = value
            case "data_offsets":
                guard let value = decode([Int].self, bytes, field.value), value.count == 2,
                      value[0] >= 0, value[0] <= value[1] else {
                    throw invalid("data_offsets is not a pair [begin, end] of integers with 0 <= begin <= end")
                }
                offsets = value
            default:
                throw invalid("unexpected field '\(name)'")
            }
        }
        guard let dtype else { throw invalid("missing field 'dtype'") }
        guard let shape else { throw invalid("missing field 'shape'") }
        guard let offsets else { throw invalid("missing field 'data_offsets'") }
        return Entry(key: key, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
    }

    /// `{"format": "pt", ...}`: an object of strings.
    private static func parseMetadata(_ bytes: [UInt8], _ range: Range<Int>,
                                      failure: (ModelFileError.Problem) -> ModelFileError) throws(ModelFileError) -> [String: String] {
        guard let members = JSONObjectMembers.members(of: bytes, in: range) else {
            throw failure(.invalidMetadata(reason: "is not a JSON object"))
        }
        var metadata: [String: String] = [:]
        for member in members {
            let name = decodeString(bytes, member.name) ?? "?"
            guard metadata[name] == nil else { throw failure(.duplicateHeaderKey(name, within: metadataKey)) }
            guard let value = decodeString(bytes, member.value) else {
                throw failure(.invalidMetadata(reason: "value of '\(name)' is not a string"))
            }
            metadata[name] = value
        }
        return metadata
    }

    // MARK: - Decoding with Foundation

    /// The JSON string at `range`, or nil when the value there is not a string.
    private static func decodeString(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        decode(String.self, bytes, range)
    }

    /// The JSON value at `range` decoded as `T`, or nil when it is not one.
    private static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], _ range: Range<Int>) -> T? {
        let trimmed = JSONObjectMembers.trimmed(bytes, range)
        return try? JSONDecoder().decode(T.self, from: Data(bytes[trimmed]))
    }

    /// The index of the first byte that is not part of well-formed UTF-8, or nil when all are.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
