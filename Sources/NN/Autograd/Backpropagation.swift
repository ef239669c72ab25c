/// The backward pass: from a result's node back to the leaves, in reverse topological order.
enum Backpropagation {
    /// Propagates `seed`, the gradient of the root's tensor, through the graph below `root`, adding
    /// each leaf's share to its gradient. Runs with recording off: gradients have no history.
    static func run(from root: GradNode, seed: Tensor, retainGraph: Bool) {
        GradMode.withNoGrad {
            var pending: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
            for node in topologicalOrder(from: root) {
                // A node whose operands' gradients were not needed on the way gets nothing.
                guard let gradient = pending.removeValue(forKey: ObjectIdentifier(node)) else { continue }
                if node.isLeaf {
                    node.accumulate(gradient)
                    continue
                }
                guard let backward = node.takeBackward(retain: retainGraph) else {
                    preconditionFailure("Tensor.backward: trying to backward through the graph a second time "
                                        + "(through \(node.name ?? "")); pass retainGraph: true to the first backward")
                }
                let gradients = backward(gradient)
                precondition(gradients.count == node.inputs.count,
                             "\(node.name ?? ""): \(gradients.count) gradients for \(node.inputs.count) operands")
                for (input, inputGradient) in zip(node.inputs, gradients) {
                    guard let input, let inputGradient else { continue }
                    if let shape = input.shape {
                        precondition(inputGradient.shape == shape,
                                     "\(node.name ?? ""): gradient of shape \(inputGradient.shape) for an operand of shape \(shape)")
                    }
                    let key = ObjectIdentifier(input)
                    if var total = pending.removeValue(forKey: key) {
                        total.addInPlace(inputGradient)
                        pending[key] = total
                    } else {
                        pending[key] = inputGradient
                    }
                }
            }
        }
    }

    /// Every node reachable from `root`, each after all the nodes that use it (root first).
    static func topologicalOrder(from root: GradNode) -> [GradNode] {
        var postOrder: [GradNode] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        // Depth first without recursion: a node and the index of its next input to visit.
        var stack: [(node: GradNode, next: Int)] = [(root, 0)]
        while let (node, next) = stack.last {
            if next < node.inputs.count {
                stack[stack.count - 1].next += 1
                if let input = node.inputs[next], visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                stack.removeLast()
                postOrder.append(node)
            }
        }
        return postOrder.reversed()
    }
}
