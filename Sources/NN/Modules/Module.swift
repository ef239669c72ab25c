/// The base class of layers and networks (`torch.nn.Module`): named children in registration
/// order, its own parameters, a forward pass, and PyTorch's printing.
///
/// Modules are classes because identity matters: `model[0] === model["input_to_hidden"]`.
/// A subclass creates its layers, registers them with `registerModule(_:_:)` in the order
/// PyTorch would assign them as attributes, and overrides `forward(_:)`.
open class Module: CustomStringConvertible {
    /// The direct sub-modules with their attribute names, in registration order (`named_children`).
    public private(set) var children: [(name: String, module: Module)] = []
    /// The parameters owned directly by this module, in registration order.
    public private(set) var ownParameters: [(name: String, parameter: Parameter)] = []

    /// Creates a module without children or parameters.
    public init() {}

    // MARK: - Forward pass

    /// Computes the module's output for `input`; every concrete module overrides this.
    ///
    /// `input` is `consuming`: a temporary passed in (`relu(linear(x))`) is handed over, so an
    /// element-wise module can work in place without a copy. Overrides may take it borrowed.
    open func forward(_ input: consuming Tensor) -> Tensor {
        preconditionFailure("\(typeName) does not override forward(_:)")
    }

    /// Calls `forward(_:)`, as `model(x)` does in PyTorch.
    public func callAsFunction(_ input: consuming Tensor) -> Tensor {
        forward(consume input)
    }

    // MARK: - Registration

    /// Adds `module` as a child named `name` (`add_module`); names must be new, non-empty and dot-free.
    public func registerModule(_ name: String, _ module: Module) {
        precondition(Self.isValidName(name), "\(typeName).registerModule: invalid module name \"\(name)\"")
        precondition(!children.contains { $0.name == name } && !ownParameters.contains { $0.name == name },
                     "\(typeName).registerModule: \"\(name)\" is already registered")
        children.append((name, module))
    }

    /// Adds `parameter` under `name` (`register_parameter`); names must be new, non-empty and dot-free.
    public func registerParameter(_ name: String, _ parameter: Parameter) {
        precondition(Self.isValidName(name), "\(typeName).registerParameter: invalid parameter name \"\(name)\"")
        precondition(!children.contains { $0.name == name } && !ownParameters.contains { $0.name == name },
                     "\(typeName).registerParameter: \"\(name)\" is already registered")
        ownParameters.append((name, parameter))
    }

    /// The child registered as `name`, if any.
    public func child(named name: String) -> Module? {
        children.first { $0.name == name }?.module
    }

    /// Whether `name` can name a child or parameter: non-empty and without a dot (PyTorch's rule).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(".")
    }

    // MARK: - Parameters

    /// Every parameter of this module and its descendants, each once (`parameters()`).
    public func parameters() -> [Parameter] {
        namedParameters().map(\.parameter)
    }

    /// Every parameter with its state-dict name (`0.weight`, `hidden.bias`, `a.b.weight`):
    /// own parameters first, then each child's, depth first; a shared parameter is listed once.
    public func namedParameters() -> [(name: String, parameter: Parameter)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(name: String, parameter: Parameter)] = []
        collectParameters(prefix: "", seen: &seen, into: &result)
        return result
    }

    private func collectParameters(prefix: String, seen: inout Set<ObjectIdentifier>,
                                   into result: inout [(name: String, parameter: Parameter)]) {
        for (name, parameter) in ownParameters where seen.insert(ObjectIdentifier(parameter)).inserted {
            result.append((prefix + name, parameter))
        }
        for (name, module) in children {
            module.collectParameters(prefix: prefix + name + ".", seen: &seen, into: &result)
        }
    }

    /// Forgets every parameter's gradient (`zero_grad()`, which sets them to None in PyTorch 2).
    public func zeroGrad() {
        for parameter in parameters() { parameter.zeroGrad() }
    }

    // MARK: - Printing

    /// The name printed before the parentheses (`_get_name()`): the class name.
    open var typeName: String {
        String(describing: type(of: self))
    }

    /// The text inside the parentheses before the children (`extra_repr()`), e.g. `dim=1`.
    open var extraRepresentation: String {
        ""
    }

    /// The module as PyTorch 2.x `print(model)` shows it.
    public var description: String {
        let extraLines = extraRepresentation.isEmpty ? [] : extraRepresentation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let childLines = children.map { "(\($0.name)): " + Self.indented($0.module.description, by: 2) }
        let lines = extraLines + childLines
        var text = typeName + "("
        if extraLines.count == 1 && childLines.isEmpty {
            text += extraLines[0]
        } else if !lines.isEmpty {
            text += "\n  " + lines.joined(separator: "\n  ") + "\n"
        }
        return text + ")"
    }

    /// Indents every line but the first by `spaces` (PyTorch's `_addindent`).
    static func indented(_ text: String, by spaces: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1 else { return text }
        let padding = String(repeating: " ", count: spaces)
        return ([String(lines[0])] + lines.dropFirst().map { padding + $0 }).joined(separator: "\n")
    }
}
