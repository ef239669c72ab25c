/// `state_dict()` and `load_state_dict(strict=True)`: a module's parameters by their dotted names.
extension Module {
    /// Every parameter's values under its state-dict name, in `namedParameters()` order (`model.state_dict()`;
    /// the lesson's modules hold no buffers).
    public func stateDict() -> [(key: String, tensor: Tensor)] {
        namedParameters().map { ($0.name, $0.parameter.data) }
    }

    /// Replaces every parameter's values with the tensor of the same name in `entries`, strictly: a key the
    /// module lacks, a parameter without a key, or a shape that differs throws, naming every such key, and then
    /// nothing is changed.
    public func loadStateDict(_ entries: [(key: String, tensor: Tensor)]) throws(StateDictLoadError) {
        let parameters = namedParameters()
        let names = Set(parameters.map(\.name))
        var given: [String: Tensor] = [:]
        for (key, tensor) in entries where given[key] == nil { given[key] = tensor }
        var seenUnexpected = Set<String>()
        let unexpected = entries.map(\.key).filter { !names.contains($0) && seenUnexpected.insert($0).inserted }
        let missing = parameters.map(\.name).filter { given[$0] == nil }
        let mismatches = parameters.compactMap { name, parameter -> StateDictLoadError.SizeMismatch? in
            guard let tensor = given[name], tensor.shape != parameter.shape else { return nil }
            return StateDictLoadError.SizeMismatch(key: name, checkpointShape: tensor.shape, modelShape: parameter.shape)
        }
        guard missing.isEmpty, unexpected.isEmpty, mismatches.isEmpty else {
            throw StateDictLoadError(moduleName: typeName, missingKeys: missing, unexpectedKeys: unexpected,
                                     sizeMismatches: mismatches)
        }
        for (name, parameter) in parameters {
            // `param.copy_(input_param)` under no_grad: the values change, the parameter object stays.
            parameter.data = given[name]!.detached()
        }
    }
}
