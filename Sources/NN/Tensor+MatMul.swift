import CBLAS

/// The matrix product through OpenBLAS `cblas_sgemm`, and the fused affine map of `Linear`.
extension Tensor {
    // MARK: - Matrix product

    /// The matrix product (`torch.matmul`) of 1-D or 2-D tensors.
    ///
    /// (n, k)·(k, m) → (n, m); a 1-D left operand acts as a row (k)·(k, m) → (m), a 1-D right
    /// operand as a column (n, k)·(k) → (n), and (k)·(k) gives a 0-dimensional dot product.
    public func matmul(_ other: Tensor) -> Tensor {
        precondition((1...2).contains(rank) && (1...2).contains(other.rank),
                     "Tensor.matmul: expects 1-D or 2-D tensors, got shapes \(shape) and \(other.shape)")
        let left = rank == 1 ? view([1, shape[0]]) : self
        let right = other.rank == 1 ? other.view([other.shape[0], 1]) : other
        precondition(left.shape[1] == right.shape[0],
                     "Tensor.matmul: shapes \(shape) and \(other.shape) cannot be multiplied "
                     + "(\(left.shape[0])x\(left.shape[1]) and \(right.shape[0])x\(right.shape[1]))")
        let rows = left.shape[0], inner = left.shape[1], columns = right.shape[1]
        var resultShape: [Int] = []
        if rank == 2 { resultShape.append(rows) }
        if other.rank == 2 { resultShape.append(columns) }
        return Tensor(shape: resultShape) { output in
            Self.gemm(left.storage, right.storage, into: output, rows: rows, inner: inner, columns: columns,
                      transposeRight: false, accumulate: false)
        }
    }

    // MARK: - Affine map

    /// x·Wᵀ + b over the last dimension (`torch.nn.functional.linear`).
    ///
    /// `input` is (…, in), `weight` (out, in), `bias` (out) or nil; the result is (…, out).
    /// The bias is written into every output row first and sgemm accumulates onto it (β = 1),
    /// so the addition costs no extra pass.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        precondition(weight.rank == 2, "Tensor.linear: weight must be 2-D, got shape \(weight.shape)")
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        precondition(input.rank >= 1 && input.shape[input.rank - 1] == inFeatures,
                     "Tensor.linear: input of shape \(input.shape) does not match weight of shape \(weight.shape) "
                     + "(expects last dimension \(inFeatures))")
        if let bias {
            precondition(bias.shape == [outFeatures],
                         "Tensor.linear: bias of shape \(bias.shape) does not match weight of shape \(weight.shape)")
        }
        let rows = input.shape.dropLast().reduce(1, *)  // Every leading dimension is a row.
        let resultShape = Array(input.shape.dropLast()) + [outFeatures]
        return Tensor(shape: resultShape) { output in
            if let bias {
                bias.storage.withUnsafeBufferPointer { bias in
                    for row in 0..<rows {
                        UnsafeMutableBufferPointer(rebasing: output[(row * outFeatures)..<((row + 1) * outFeatures)])
                            .baseAddress!.update(from: bias.baseAddress!, count: outFeatures)
                    }
                }
            }
            gemm(input.storage, weight.storage, into: output, rows: rows, inner: inFeatures, columns: outFeatures,
                 transposeRight: true, accumulate: bias != nil)
        }
    }

    // MARK: - BLAS

    /// C = A·B (or A·Bᵀ) + β·C in row-major float32, β = 1 when `accumulate` else 0.
    ///
    /// A is (rows, inner); B is (inner, columns), or (columns, inner) when `transposeRight`.
    private static func gemm(
        _ left: [Float], _ right: [Float], into output: UnsafeMutableBufferPointer<Float>,
        rows: Int, inner: Int, columns: Int, transposeRight: Bool, accumulate: Bool
    ) {
        guard rows > 0, columns > 0 else { return }
        guard inner > 0 else {
            // An empty sum: the product is zero (sgemm would leave C untouched with K = 0).
            if !accumulate { output.update(repeating: 0) }
            return
        }
        left.withUnsafeBufferPointer { left in
            right.withUnsafeBufferPointer { right in
                cblas_sgemm(CblasRowMajor, CblasNoTrans, transposeRight ? CblasTrans : CblasNoTrans,
                            blasint(rows), blasint(columns), blasint(inner),
                            1, left.baseAddress, blasint(inner),
                            right.baseAddress, blasint(transposeRight ? inner : columns),
                            accumulate ? 1 : 0, output.baseAddress, blasint(columns))
            }
        }
    }
}
