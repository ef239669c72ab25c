/// A chain of modules applied in order (`torch.nn.Sequential`).
///
/// Built from a list (children named "0", "1", …) or from ordered (name, module) pairs, like
/// `nn.Sequential(OrderedDict(...))`. Both subscripts return the registered object itself, so
/// `model[0] === model["input_to_hidden"]`, and `model.input_to_hidden` reads like the notebook.
@dynamicMemberLookup
public final class Sequential: Module {
    /// Chains `modules`, naming them "0", "1", … in order.
    public init(_ modules: [Module]) {
        super.init()
        for (index, module) in modules.enumerated() { registerModule(String(index), module) }
    }

    /// Chains `modules`, naming them "0", "1", … in order.
    public convenience init(_ modules: Module...) {
        self.init(modules)
    }

    /// Chains named modules in the given order; throws on an empty, dotted or repeated name.
    public init(named namedModules: [(name: String, module: Module)]) throws(SequentialError) {
        super.init()
        var seen = Set<String>()
        for (position, entry) in namedModules.enumerated() {
            guard Self.isValidName(entry.name) else {
                throw SequentialError.invalidName(entry.name, position: position)
            }
            guard seen.insert(entry.name).inserted else {
                throw SequentialError.duplicateName(entry.name, position: position)
            }
            registerModule(entry.name, entry.module)
        }
    }

    // MARK: - Access

    /// The number of modules in the chain (`len(model)`).
    public var count: Int { children.count }

    /// The module at `index` in order; negative indices count from the end (`model[-1]`).
    public subscript(index: Int) -> Module {
        let resolved = index < 0 ? index + children.count : index
        precondition(resolved >= 0 && resolved < children.count,
                     "Sequential: index \(index) is out of range for \(children.count) modules")
        return children[resolved].module
    }

    /// The module registered as `name` (`model.input_to_hidden`), or nil.
    public subscript(name: String) -> Module? {
        child(named: name)
    }

    /// The module registered as `name`, written as an attribute (`model.input_to_hidden`), or nil.
    public subscript(dynamicMember name: String) -> Module? {
        child(named: name)
    }

    /// Appends `module` under the next index name (`Sequential.append`).
    public func append(_ module: Module) {
        registerModule(String(children.count), module)
    }

    // MARK: - Forward pass

    /// Feeds `input` through every module in order.
    public override func forward(_ input: consuming Tensor) -> Tensor {
        var output = consume input
        for (_, module) in children { output = module.forward(consume output) }
        return output
    }
}
