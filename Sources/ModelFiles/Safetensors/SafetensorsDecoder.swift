import Foundation
import NN

/// Validates a safetensors file completely and converts its tensors to float32.
///
/// Checks, in order: the 8-byte length, the header's size and encoding, the JSON, each entry's
/// dtype, byte count and range, and that the byte ranges tile the data section exactly.
struct SafetensorsDecoder {
    /// Labels every error.
    let fileName: String
    /// The largest header length accepted.
    var headerLengthLimit = Safetensors.headerLengthLimit

    private func failure(_ problem: ModelFileError.Problem) -> ModelFileError {
        ModelFileError(file: fileName, problem: problem)
    }

    func decode(_ data: Data) throws(ModelFileError) -> SafetensorsFile {
        guard !data.isEmpty else { throw failure(.emptyFile) }
        guard data.count >= 8 else { throw failure(.fileTooShort(size: data.count)) }
        let headerLength = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(data.count - 8) else {
            throw failure(.headerLengthBeyondFile(headerLength: headerLength, fileSize: data.count))
        }
        guard headerLength <= UInt64(headerLengthLimit) else {
            throw failure(.headerTooLarge(headerLength: headerLength, limit: headerLengthLimit))
        }
        let dataStart = 8 + Int(headerLength)
        let headerBytes = data.withUnsafeBytes { Array($0[8..<dataStart]) }
        let header = try SafetensorsHeader.parse(headerBytes, fileOffset: 8, file: fileName)
        let layout = try validatedLayout(header.entries, dataSize: data.count - dataStart)

        var entries: [(key: String, tensor: Tensor)] = []
        var storedTypes: [String: ElementType] = [:]
        data.withUnsafeBytes { raw in
            for item in layout {
                let values = item.type.decode(raw, offset: dataStart + item.entry.begin, count: item.count)
                entries.append((item.entry.key, Tensor(shape: item.entry.shape, storage: values)))
                storedTypes[item.entry.key] = item.type
            }
        }
        return SafetensorsFile(stateDict: StateDict(uniqueKeysWithValues: entries),
                               metadata: header.metadata, storedTypes: storedTypes)
    }

    // MARK: - Layout

    /// An entry whose dtype and byte count have been checked.
    private struct CheckedEntry {
        var entry: SafetensorsHeader.Entry
        var type: ElementType
        var count: Int
    }

    /// The entries in data order, once each is checked and together they cover the data exactly.
    private func validatedLayout(_ entries: [SafetensorsHeader.Entry],
                                 dataSize: Int) throws(ModelFileError) -> [CheckedEntry] {
        var checked: [CheckedEntry] = []
        for entry in entries {
            guard let type = ElementType(safetensorsName: entry.dtype) else {
                throw failure(.unsupportedDType(key: entry.key, dtype: entry.dtype))
            }
            var count = 1
            for dimension in entry.shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                guard !overflow else {
                    throw failure(.invalidTensorEntry(key: entry.key, reason: "shape \(entry.shape) has too many elements"))
                }
                count = product
            }
            let (expected, overflow) = count.multipliedReportingOverflow(by: type.byteCount)
            guard !overflow, expected == entry.end - entry.begin else {
                throw failure(.byteCountMismatch(key: entry.key, shape: entry.shape, dtype: entry.dtype,
                                                 expected: overflow ? Int.max : expected,
                                                 actual: entry.end - entry.begin))
            }
            guard entry.end <= dataSize else {
                throw failure(.offsetsBeyondData(key: entry.key, end: entry.end, dataSize: dataSize))
            }
            checked.append(CheckedEntry(entry: entry, type: type, count: count))
        }

        // Sorted by start (then end, then name), the ranges must follow one another without gaps.
        checked.sort {
            ($0.entry.begin, $0.entry.end) != ($1.entry.begin, $1.entry.end)
                ? ($0.entry.begin, $0.entry.end) < ($1.entry.begin, $1.entry.end)
                : $0.entry.key.utf8.lexicographicallyPrecedes($1.entry.key.utf8)
        }
        var covered = 0
        var lastKey: String?
        for item in checked {
            if item.entry.begin < covered, let lastKey {
                throw failure(.overlappingTensors(key: item.entry.key, other: lastKey, offset: item.entry.begin))
            }
            if item.entry.begin > covered {
                throw failure(.holeInData(offset: covered, length: item.entry.begin - covered))
            }
            covered = item.entry.end
            lastKey = item.entry.key
        }
        guard covered == dataSize else {
            throw failure(.trailingBytes(offset: covered, length: dataSize - covered))
        }
        return checked
    }
}
