/// What the allowed globals mean: the only place a pickle's names turn into values.
///
/// Nothing here imports or calls: GLOBAL yields a `PickleGlobal` tag or a refusal, REDUCE builds
/// the value that OrderedDict or a tensor rebuilder would return, BINPERSID names a storage record.
extension Unpickler {
    /// The allowed global `module.name`; anything else is refused before it could ever be used.
    func resolve(module: String, name: String) throws(ModelFileError) -> PickleGlobal {
        guard let global = PickleGlobal(module: module, name: name) else {
            throw failure(.refusedGlobal("\(module).\(name)", offset: opcodeOffset))
        }
        return global
    }

    /// REDUCE: builds the value an allowed constructor would return, without calling anything.
    func reduce(_ callable: PickleValue, _ arguments: PickleValue) throws(ModelFileError) -> PickleValue {
        guard case .global(let global) = callable else {
            throw malformed("REDUCE calls \(callable.kindName), which is not callable")
        }
        guard case .tuple(let tuple) = arguments else {
            throw malformed("REDUCE passes \(arguments.kindName) as arguments to \(global.qualifiedName)")
        }
        let args = tuple.items
        switch global {
        case .orderedDict:
            guard args.isEmpty else {
                throw malformed("collections.OrderedDict is called with arguments, which torch.save never does")
            }
            return .dict(PickleDict(isOrdered: true))
        case .rebuildTensorV2:
            guard (6...7).contains(args.count),
                  case .storage(let storage) = args[0], case .int(let offset) = args[1],
                  let size = integers(args[2]), let stride = integers(args[3]),
                  case .bool = args[4], case .dict = args[5] else {
                throw malformed("_rebuild_tensor_v2 expects (storage, offset, size, stride, requires_grad, "
                                + "backward_hooks), got (\(args.map(\.kindName).joined(separator: ", ")))")
            }
            if args.count == 7 {
                switch args[6] {
                case .none, .dict: break
                default: throw malformed("_rebuild_tensor_v2 metadata is \(args[6].kindName), not a dict")
                }
            }
            return .tensor(TensorReference(storage: storage, offset: offset, size: size, stride: stride))
        case .rebuildParameter:
            guard args.count == 3, case .tensor = args[0], case .bool = args[1], case .dict = args[2] else {
                throw malformed("_rebuild_parameter expects (tensor, requires_grad, backward_hooks), "
                                + "got (\(args.map(\.kindName).joined(separator: ", ")))")
            }
            return args[0]
        case .storageType(let name):
            throw malformed("calls torch.\(name), which torch.save never does")
        }
    }

    /// BINPERSID: `('storage', torch.FloatStorage, '0', 'cpu', count)` names a record of the archive.
    func persistentStorage(_ id: PickleValue) throws(ModelFileError) -> StorageReference {
        guard case .tuple(let tuple) = id, tuple.items.count == 5,
              case .string("storage") = tuple.items[0],
              case .global(.storageType(let typeName)) = tuple.items[1],
              case .string(let key) = tuple.items[2], case .string(let location) = tuple.items[3],
              case .int(let count) = tuple.items[4], count >= 0 else {
            throw malformed("persistent id is not ('storage', storage type, key, location, element count)")
        }
        // The key names a record `data/<key>`: keep it a plain name.
        guard !key.isEmpty, key.count <= 64,
              key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw malformed("storage key '\(key)' is not a plain record name")
        }
        return StorageReference(typeName: typeName, key: key, location: location, count: count)
    }

    /// BUILD: only the state dict's own attributes (`_metadata`), which are dropped.
    func build(_ target: PickleValue, state: PickleValue) throws(ModelFileError) {
        guard case .dict = target, case .dict(let attributes) = state else {
            throw malformed("BUILD sets \(state.kindName) on \(target.kindName), which a state dict never needs")
        }
        attributes.isNested = true
    }

    /// The ints of a tuple of ints, e.g. a size or stride.
    private func integers(_ value: PickleValue) -> [Int]? {
        guard case .tuple(let tuple) = value else { return nil }
        var result: [Int] = []
        for item in tuple.items {
            guard case .int(let number) = item else { return nil }
            result.append(number)
        }
        return result
    }
}
