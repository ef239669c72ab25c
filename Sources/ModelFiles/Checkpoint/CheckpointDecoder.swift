import Foundation
import NN

/// Reads a torch.save archive: checks its records, unpickles `data.pkl` with the restricted
/// unpickler and materialises each tensor from its storage record as float32.
struct CheckpointDecoder {
    /// Labels every error.
    let file: String
    /// How many elements expanded views (stride 0) may add beyond their storages, in all.
    var expansionLimit = 1 << 26

    func decode(_ data: Data) throws(ModelFileError) -> StateDict {
        let archive = try CheckpointArchive(data, file: file)
        if archive.contains("byteorder") {
            let order = String(decoding: try archive.read("byteorder", limit: 16), as: UTF8.self)
            guard order == "little" else { throw failure(.unsupportedByteOrder(order)) }
        }
        let pickle = try archive.read("data.pkl", limit: CheckpointArchive.pickleLimit)
        var unpickler = Unpickler([UInt8](pickle), file: file)
        let views = try tensorViews(in: unpickler.load())

        var storages: [String: (reference: StorageReference, values: [Float])] = [:]
        var entries: [(key: String, tensor: Tensor)] = []
        var expanded = 0
        for (key, view) in views {
            let values: [Float]
            if let loaded = storages[view.storage.key] {
                guard loaded.reference == view.storage else {
                    throw failure(.conflictingStorage(record: "\(archive.folder)/data/\(view.storage.key)",
                                                      reason: "declared as \(loaded.reference.count) × \(loaded.reference.typeName) "
                                                          + "and as \(view.storage.count) × \(view.storage.typeName)"))
                }
                values = loaded.values
            } else {
                values = try readStorage(view.storage, for: key, from: archive)
                storages[view.storage.key] = (view.storage, values)
            }
            let count = try view.checkedCount(key: key, file: file)
            // Only a view with a zero stride holds more elements than its storage; copying it costs memory.
            expanded += max(count - view.storage.count, 0)
            guard expanded <= expansionLimit else {
                throw failure(.invalidTensor(key: key, reason: "size \(view.size) with stride \(view.stride) expands "
                    + "\(view.storage.count) stored elements to \(count), past the limit of \(expansionLimit) added elements"))
            }
            entries.append((key, Tensor(shape: view.size, storage: view.gather(from: values, count: count))))
        }
        return StateDict(uniqueKeysWithValues: entries)
    }

    /// The (name, tensor view) pairs of the unpickled state dict, in order.
    private func tensorViews(in root: PickleValue) throws(ModelFileError) -> [(String, TensorReference)] {
        guard case .dict(let dict) = root else {
            throw failure(.notAStateDict(reason: "the pickle holds \(root.kindName), not a dict of tensors"))
        }
        var views: [(String, TensorReference)] = []
        for (key, value) in dict.entries {
            guard case .string(let name) = key else {
                throw failure(.notAStateDict(reason: "a key is \(PickleValue(key).kindName), not a string"))
            }
            guard case .tensor(let view) = value else {
                throw failure(.notAStateDict(reason: "'\(name)' maps to \(value.kindName), not a tensor"))
            }
            views.append((name, view))
        }
        return views
    }

    /// The storage's elements as float32, after checking its type and its record's byte count.
    private func readStorage(_ storage: StorageReference, for key: String,
                             from archive: CheckpointArchive) throws(ModelFileError) -> [Float] {
        guard let type = ElementType(torchStorageName: storage.typeName) else {
            throw failure(.unsupportedStorage(key: key, storageType: "torch.\(storage.typeName)"))
        }
        let name = "data/\(storage.key)"
        let path = "\(archive.folder)/\(name)"
        guard let size = archive.size(of: name) else { throw failure(.missingRecord(path)) }
        let (declared, overflow) = storage.count.multipliedReportingOverflow(by: type.byteCount)
        guard !overflow, UInt64(declared) == size else {
            throw failure(.storageSizeMismatch(record: path, declaredBytes: overflow ? Int.max : declared,
                                               actualBytes: Int(clamping: size)))
        }
        let bytes = try archive.read(name, limit: min(size, CheckpointArchive.storageLimit))
        return bytes.withUnsafeBytes { type.decode($0, offset: 0, count: storage.count) }
    }

    private func failure(_ problem: ModelFileError.Problem) -> ModelFileError {
        ModelFileError(file: file, problem: problem)
    }
}
