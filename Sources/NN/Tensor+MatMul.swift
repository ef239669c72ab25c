import CKernels

/// The matrix product and the fused affine map of `Linear`, through the active `MatrixKernel`,
/// recorded for autograd with gradients that run through the same kernel.
extension Tensor {
    // MARK: - Matrix product

    /// The matrix product (`torch.matmul`) of 1-D or 2-D tensors.
    ///
    /// (n, k)·(k, m) → (n, m); a 1-D left operand acts as a row (k)·(k, m) → (m), a 1-D right
    /// operand as a column (n, k)·(k) → (n), and (k)·(k) gives a 0-dimensional dot product.
    /// Recorded as PyTorch names each case: `MmBackward0`, `SqueezeBackward4`, `MvBackward0`, `DotBackward0`.
    public func matmul(_ other: Tensor) -> Tensor {
        precondition((1...2).contains(rank) && (1...2).contains(other.rank),
                     "Tensor.matmul: expects 1-D or 2-D tensors, got shapes \(shape) and \(other.shape)")
        let left = rank == 1 ? withShape([1, shape[0]]) : detached()
        let right = other.rank == 1 ? other.withShape([other.shape[0], 1]) : other.detached()
        precondition(left.shape[1] == right.shape[0],
                     "Tensor.matmul: shapes \(shape) and \(other.shape) cannot be multiplied "
                     + "(\(left.shape[0])x\(left.shape[1]) and \(right.shape[0])x\(right.shape[1]))")
        let rows = left.shape[0], inner = left.shape[1], columns = right.shape[1]
        var resultShape: [Int] = []
        if rank == 2 { resultShape.append(rows) }
        if other.rank == 2 { resultShape.append(columns) }
        var result = Tensor(shape: resultShape) { output in
            Self.product(left.storage, right.storage, into: output, rows: rows, inner: inner, columns: columns,
                         leftIsTransposed: false, rightIsTransposed: false, bias: nil, packedRight: nil)
        }
        guard let inputs = Self.recordedInputs(self, other) else { return result }
        let name = switch (rank, other.rank) {
        case (2, 2): "MmBackward0"
        case (2, 1): "MvBackward0"
        case (1, 1): "DotBackward0"
        default: "SqueezeBackward4"
        }
        let (leftShape, rightShape) = (shape, other.shape)
        // Each operand keeps only what the other's gradient needs.
        let (savedLeft, savedRight) = (inputs[1] == nil ? nil : left, inputs[0] == nil ? nil : right)
        result.record(name, inputs: inputs) { gradient in
            let outputGradient = gradient.withShape([rows, columns])
            return [
                savedRight.map { outputGradient.matmul($0, transposingOther: true).withShape(leftShape) },  // dA = dC·Bᵀ
                savedLeft.map { $0.matmul(outputGradient, transposingSelf: true).withShape(rightShape) },   // dB = Aᵀ·dC
            ]
        }
        return result
    }

    /// The product of two matrices with either one read transposed in place (no copy is made):
    /// `a.matmul(b, transposingSelf: true)` is aᵀ·b, as the gradients of `linear` need.
    ///
    /// Recorded as `MmBackward0`, like PyTorch's `a.t() @ b`.
    public func matmul(_ other: Tensor, transposingSelf: Bool = false, transposingOther: Bool = false) -> Tensor {
        precondition(rank == 2 && other.rank == 2,
                     "Tensor.matmul: transposed operands must be 2-D, got shapes \(shape) and \(other.shape)")
        let rows = transposingSelf ? shape[1] : shape[0], inner = transposingSelf ? shape[0] : shape[1]
        let otherInner = transposingOther ? other.shape[1] : other.shape[0]
        let columns = transposingOther ? other.shape[0] : other.shape[1]
        precondition(inner == otherInner,
                     "Tensor.matmul: \(transposingSelf ? "transposed " : "")\(shape) and "
                     + "\(transposingOther ? "transposed " : "")\(other.shape) cannot be multiplied")
        var result = Tensor(shape: [rows, columns]) { output in
            Self.product(storage, other.storage, into: output, rows: rows, inner: inner, columns: columns,
                         leftIsTransposed: transposingSelf, rightIsTransposed: transposingOther, bias: nil, packedRight: nil)
        }
        guard let inputs = Self.recordedInputs(self, other) else { return result }
        let (savedLeft, savedRight) = (inputs[1] == nil ? nil : detached(), inputs[0] == nil ? nil : other.detached())
        result.record("MmBackward0", inputs: inputs) { gradient in
            // With A' = op(A), B' = op(B): dA' = dC·B'ᵀ and dB' = A'ᵀ·dC, transposed back where op transposed.
            let leftGradient = savedRight.map { right in
                transposingSelf ? right.matmul(gradient, transposingSelf: transposingOther, transposingOther: true)
                                : gradient.matmul(right, transposingOther: !transposingOther)
            }
            let rightGradient = savedLeft.map { left in
                transposingOther ? gradient.matmul(left, transposingSelf: true, transposingOther: transposingSelf)
                                 : left.matmul(gradient, transposingSelf: !transposingSelf)
            }
            return [leftGradient, rightGradient]
        }
        return result
    }

    // MARK: - Affine map

    /// x·Wᵀ + b over the last dimension (`torch.nn.functional.linear`).
    ///
    /// `input` is (…, in), `weight` (out, in), `bias` (out) or nil; the result is (…, out).
    /// The bias is each output element's starting value, so the addition costs no extra pass.
    /// `packedWeight`, Wᵀ already packed for the active kernel (a layer keeps one), saves packing
    /// the weight again; a packing for another instruction set is ignored.
    ///
    /// Recorded as PyTorch names it (`AddmmBackward0` for a batch with a bias, `MmBackward0`
    /// without); the backward pass computes only the gradients its operands need, each product
    /// through the kernel: dX = dY·W, dW = dYᵀ·X, db = the column sums of dY.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor?, packedWeight: PackedMatrix? = nil) -> Tensor {
        precondition(weight.rank == 2, "Tensor.linear: weight must be 2-D, got shape \(weight.shape)")
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        precondition(input.rank >= 1 && input.shape[input.rank - 1] == inFeatures,
                     "Tensor.linear: input of shape \(input.shape) does not match weight of shape \(weight.shape) "
                     + "(expects last dimension \(inFeatures))")
        if let bias {
            precondition(bias.shape == [outFeatures],
                         "Tensor.linear: bias of shape \(bias.shape) does not match weight of shape \(weight.shape)")
        }
        if let packedWeight {
            precondition(packedWeight.rows == inFeatures && packedWeight.columns == outFeatures,
                         "Tensor.linear: packed weight is \(packedWeight.columns)x\(packedWeight.rows), "
                         + "weight is \(outFeatures)x\(inFeatures)")
        }
        let rows = input.shape.dropLast().reduce(1, *)  // Every leading dimension is a row.
        let resultShape = Array(input.shape.dropLast()) + [outFeatures]
        var result = Tensor(shape: resultShape) { output in
            product(input.storage, weight.storage, into: output, rows: rows, inner: inFeatures, columns: outFeatures,
                    leftIsTransposed: false, rightIsTransposed: true, bias: bias?.storage, packedRight: packedWeight)
        }
        guard let inputs = recordedInputs(input, weight, bias) else { return result }
        let name = switch (input.rank, bias != nil) {
        case (2, true): "AddmmBackward0"
        case (2, false): "MmBackward0"
        case (_, true): "ViewBackward0"
        case (1, false): "SqueezeBackward4"
        default: "UnsafeViewBackward0"
        }
        let inputShape = input.shape
        // dX needs W, dW needs X: keep only what is needed, so an optimiser step can update W in place.
        let savedWeight = inputs[0] == nil ? nil : weight.detached()
        let savedInput = inputs[1] == nil ? nil : input.withShape([rows, inFeatures])
        let needsBias = inputs[2] != nil
        result.record(name, inputs: inputs) { gradient in
            let outputGradient = gradient.withShape([rows, outFeatures])
            return [
                savedWeight.map { outputGradient.matmul($0).withShape(inputShape) },
                savedInput.map { outputGradient.matmul($0, transposingSelf: true) },
                needsBias ? outputGradient.sum(dim: 0) : nil,
            ]
        }
        return result
    }

    // MARK: - Kernels

    /// output (rows, columns) = bias + left·right, where `left` is (rows, inner), or (inner, rows)
    /// read transposed when `leftIsTransposed`, and `right` is (inner, columns), or (columns, inner)
    /// read transposed when `rightIsTransposed`.
    private static func product(
        _ left: [Float], _ right: [Float], into output: UnsafeMutableBufferPointer<Float>,
        rows: Int, inner: Int, columns: Int, leftIsTransposed: Bool, rightIsTransposed: Bool,
        bias: [Float]?, packedRight: PackedMatrix?
    ) {
        ProductTimer.timed {
            runProduct(left, right, into: output, rows: rows, inner: inner, columns: columns, leftIsTransposed: leftIsTransposed,
                       rightIsTransposed: rightIsTransposed, bias: bias, packedRight: packedRight)
        }
    }

    /// `product` itself, on the active kernel.
    private static func runProduct(
        _ left: [Float], _ right: [Float], into output: UnsafeMutableBufferPointer<Float>,
        rows: Int, inner: Int, columns: Int, leftIsTransposed: Bool, rightIsTransposed: Bool,
        bias: [Float]?, packedRight: PackedMatrix?
    ) {
        guard rows > 0, columns > 0 else { return }
        guard inner > 0 else {
            // An empty sum: only the starting values remain.
            for row in 0..<rows {
                for column in 0..<columns { output[row * columns + column] = bias?[column] ?? 0 }
            }
            return
        }
        switch MatrixKernel.active.backend {
        case .native(let set):
            let packed: PackedMatrix
            if let packedRight, packedRight.instructionSet == set {
                packed = packedRight
            } else {
                packed = right.withUnsafeBufferPointer { right in
                    PackedMatrix(right.baseAddress!, rowStride: rightIsTransposed ? 1 : columns,
                                 columnStride: rightIsTransposed ? inner : 1, rows: inner, columns: columns,
                                 instructionSet: set)
                }
            }
            // Element (i, p) of the left operand: row-major (rows, inner), or (inner, rows) read transposed.
            let (rowStride, columnStride) = leftIsTransposed ? (1, rows) : (inner, 1)
            left.withUnsafeBufferPointer { left in
                if let bias {
                    bias.withUnsafeBufferPointer { bias in
                        MatrixProduct.multiply(left.baseAddress!, aRowStride: rowStride, aColumnStride: columnStride, rows: rows,
                                               by: packed, start: .row(bias.baseAddress!),
                                               into: output.baseAddress!, ldc: columns)
                    }
                } else {
                    MatrixProduct.multiply(left.baseAddress!, aRowStride: rowStride, aColumnStride: columnStride, rows: rows,
                                           by: packed, start: .zero, into: output.baseAddress!, ldc: columns)
                }
            }
        case .openBLAS:
            if let bias {
                // sgemm accumulates onto C (β = 1), which starts as the bias in every row.
                for row in 0..<rows {
                    UnsafeMutableBufferPointer(rebasing: output[(row * columns)..<((row + 1) * columns)])
                        .baseAddress!.update(from: bias, count: columns)
                }
            }
            left.withUnsafeBufferPointer { left in
                right.withUnsafeBufferPointer { right in
                    nnr_openblas_sgemm(rows, columns, inner, left.baseAddress, leftIsTransposed ? rows : inner,
                                       leftIsTransposed ? 1 : 0, right.baseAddress,
                                       rightIsTransposed ? inner : columns, rightIsTransposed ? 1 : 0,
                                       bias == nil ? 0 : 1, output.baseAddress, columns)
                }
            }
        }
    }
}
