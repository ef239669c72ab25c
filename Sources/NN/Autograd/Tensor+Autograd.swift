/// Reverse-mode automatic differentiation, as PyTorch's autograd: `requiresGrad`, `grad`,
/// `backward()`, leaves and `grad_fn`.
///
/// An operation on tensors of which one requires grad (with `GradMode.isEnabled`) returns a tensor
/// whose node records the operation; `backward()` walks those records from a scalar result back to
/// the leaves and adds each leaf's gradient into its `grad`, where gradients accumulate until zeroed.
extension Tensor {
    // MARK: - Leaves and history

    /// Whether gradients are computed for this tensor (`requires_grad`).
    ///
    /// Setting it to true makes a leaf that collects gradients; only leaves can be set back to
    /// false (use `detached()` to cut a computed tensor from its history).
    public var requiresGrad: Bool {
        get { node != nil }
        set {
            guard newValue != requiresGrad else { return }
            if newValue {
                node = GradNode()
            } else {
                precondition(isLeaf, "Tensor.requiresGrad: you can only change requires_grad flags of leaf tensors; "
                             + "use detached() to cut a \(gradFunctionName ?? "") result from its history")
                node = nil
            }
        }
    }

    /// This tensor with `requiresGrad` set (`requires_grad_()`): `Tensor(rows: …).requiringGrad()`.
    public func requiringGrad(_ requiresGrad: Bool = true) -> Tensor {
        var result = self
        result.requiresGrad = requiresGrad
        return result
    }

    /// Whether no recorded operation made this tensor (`is_leaf`): true for every tensor that does
    /// not require grad, and for those the user marked.
    public var isLeaf: Bool { node?.isLeaf ?? true }

    /// The name of the operation that made this tensor (`type(t.grad_fn).__name__`), such as
    /// `AddmmBackward0`; nil for a leaf.
    public var gradFunctionName: String? { node?.name }

    /// The same values without history or gradient (`detach()`).
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage)
    }

    // MARK: - Gradients

    /// The gradient accumulated by backward passes (`.grad`), for a leaf that requires grad; nil
    /// before the first pass, after zeroing, and for every other tensor.
    ///
    /// Setting nil zeroes it the way PyTorch 2's `zero_grad()` does; a value must match the shape.
    public var grad: Tensor? {
        get { isLeaf ? node?.gradient : nil }
        nonmutating set {
            guard let newValue else {
                if isLeaf { node?.gradient = nil }
                return
            }
            precondition(requiresGrad && isLeaf, "Tensor.grad: only a leaf that requires grad keeps a gradient")
            precondition(newValue.shape == shape,
                         "Tensor.grad: assigned gradient of shape \(newValue.shape) to a tensor of shape \(shape)")
            node?.gradient = newValue.detached()
        }
    }

    /// Computes the gradient of this scalar (0-dim or one-element) tensor with respect to every leaf
    /// it depends on and adds it to each leaf's `grad` (`backward()`).
    ///
    /// A non-scalar tensor needs `gradient`, the vector of the vector-Jacobian product. The graph's
    /// saved operands are released unless `retainGraph`, so a second pass needs the first one to retain.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) {
        guard let node else {
            preconditionFailure("Tensor.backward: element 0 of tensors does not require grad and does not have a grad_fn")
        }
        if let gradient {
            precondition(gradient.shape == shape,
                         "Tensor.backward: gradient of shape \(gradient.shape) for a tensor of shape \(shape)")
        } else {
            precondition(count == 1, "Tensor.backward: grad can be implicitly created only for scalar outputs, "
                         + "got shape \(shape)")
        }
        Backpropagation.run(from: node, seed: gradient?.detached() ?? Tensor.ones(shape), retainGraph: retainGraph)
    }

    // MARK: - Recording operations

    /// The operand's node when an operation on it must be recorded (grad mode on and the operand
    /// requiring grad), else nil.
    static func recordedInputs(_ operand: Tensor) -> [GradNode?]? {
        guard operand.node != nil, GradMode.isEnabled else { return nil }
        return [operand.node]
    }

    /// The operands' nodes when an operation on them must be recorded (grad mode on and some
    /// operand requiring grad), else nil.
    static func recordedInputs(_ first: Tensor, _ second: Tensor) -> [GradNode?]? {
        guard first.node != nil || second.node != nil, GradMode.isEnabled else { return nil }
        return [first.node, second.node]
    }

    /// The three operands' nodes, as above; an absent operand (no bias) counts as one without grad.
    static func recordedInputs(_ first: Tensor, _ second: Tensor, _ third: Tensor?) -> [GradNode?]? {
        guard first.node != nil || second.node != nil || third?.node != nil, GradMode.isEnabled else { return nil }
        return [first.node, second.node, third?.node]
    }

    /// Marks this freshly computed tensor as the result of operation `name` on operands whose nodes
    /// are `inputs`, with `backward` mapping its gradient to theirs.
    ///
    /// `backward` must not capture this tensor after the call (its node would then own itself):
    /// capture the values through a copy taken before, e.g. `[output = result]`.
    mutating func record(_ name: String, inputs: [GradNode?], backward: @escaping GradNode.Backward) {
        node = GradNode(name: name, inputs: inputs, shape: shape, backward: backward)
    }

    /// Records a one-operand operation `name` when `operand` requires grad and grad mode is on.
    mutating func recordUnary(_ name: String, of operand: Tensor, backward: @escaping @Sendable (Tensor) -> Tensor) {
        guard let input = operand.node, GradMode.isEnabled else { return }
        record(name, inputs: [input]) { [backward($0)] }
    }

    /// Checks that an in-place change of this tensor may be recorded: PyTorch refuses one on a leaf
    /// that requires grad while grad mode is on.
    func checkInPlace(_ operation: String) {
        precondition(!(requiresGrad && isLeaf && GradMode.isEnabled),
                     "Tensor.\(operation): a leaf tensor that requires grad is being used in an in-place operation; "
                     + "change it inside withNoGrad { } or change a detached() copy")
    }

    /// Checks that values may change without a record: not on a tensor that requires grad while
    /// recording (its history would no longer describe it).
    func checkUnrecordedChange(_ operation: String) {
        precondition(!(requiresGrad && GradMode.isEnabled),
                     "Tensor.\(operation): cannot change a tensor that requires grad while recording; "
                     + "change it inside withNoGrad { } or change a detached() copy")
    }

    /// Adds `other` (same shape) into this tensor's elements in place; no graph is recorded.
    mutating func addInPlace(_ other: Tensor) {
        precondition(shape == other.shape, "Tensor.addInPlace: shapes \(shape) and \(other.shape) differ")
        storage.withUnsafeMutableBufferPointer { target in
            other.storage.withUnsafeBufferPointer { source in
                for index in 0..<target.count { target[index] += source[index] }
            }
        }
    }
}
