import Synchronization

/// One vertex of the autograd graph: a leaf that collects a gradient, or the record of an
/// operation that maps its output's gradient to its operands' (PyTorch's `grad_fn`).
///
/// A tensor that requires grad holds its node; copies of the tensor share it, so a leaf's `.grad`
/// is the same for every copy. An operation's node keeps what its backward formula needs
/// (operands, output, shapes) inside `backward` until a backward pass releases it.
final class GradNode: Sendable {
    /// The gradient formula of an operation: the output's gradient to one gradient per entry of
    /// `inputs` (nil where that operand needs none).
    typealias Backward = @Sendable (Tensor) -> [Tensor?]

    /// The class name PyTorch prints as `grad_fn=<…>` (`AddmmBackward0`); nil for a leaf.
    let name: String?
    /// The operands' nodes, nil for operands that do not require grad; empty for a leaf.
    let inputs: [GradNode?]
    /// The shape of the tensor the operation produced, which its gradient must have; nil for a leaf.
    let shape: [Int]?
    /// The mutable part: a leaf's accumulated gradient, an operation's formula until released.
    private let state: Mutex<State>

    private struct State {
        var gradient: Tensor?
        var backward: Backward?
    }

    /// A leaf: a tensor created by the user (or a parameter) that requires grad.
    init() {
        name = nil
        inputs = []
        shape = nil
        state = Mutex(State())
    }

    /// The record of operation `name` producing a tensor of `shape` from operands with `inputs` nodes.
    init(name: String, inputs: [GradNode?], shape: [Int], backward: @escaping Backward) {
        precondition(inputs.contains { $0 != nil }, "GradNode \(name): no operand requires grad")
        self.name = name
        self.inputs = inputs
        self.shape = shape
        state = Mutex(State(backward: backward))
    }

    /// Whether this is a leaf (no operation made it).
    var isLeaf: Bool { name == nil }

    /// A leaf's gradient so far (`.grad`); nil until a backward pass reaches it or after zeroing.
    var gradient: Tensor? {
        get { state.withLock { $0.gradient } }
        set { state.withLock { $0.gradient = newValue } }
    }

    /// Adds `gradient` to a leaf's gradient (PyTorch's `AccumulateGrad`), in place when possible.
    func accumulate(_ gradient: Tensor) {
        state.withLock { state in
            guard var total = state.gradient else {
                state.gradient = gradient
                return
            }
            state.gradient = nil  // Hand the only reference to `total`, so the addition is in place.
            precondition(total.shape == gradient.shape,
                         "backward: gradient of shape \(gradient.shape) for a leaf whose gradient has shape \(total.shape)")
            total.addInPlace(gradient)
            state.gradient = total
        }
    }

    /// The operation's formula, released unless `retain` (PyTorch frees saved tensors after a pass).
    func takeBackward(retain: Bool) -> Backward? {
        state.withLock { state in
            let backward = state.backward
            if !retain { state.backward = nil }
            return backward
        }
    }
}
