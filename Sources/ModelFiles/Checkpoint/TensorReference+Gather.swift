/// Checking a strided view against its storage and copying it out in row-major order.
extension TensorReference {
    /// The number of elements, after checking that size, stride and offset stay inside the storage.
    func checkedCount(key: String, file: String) throws(ModelFileError) -> Int {
        func invalid(_ reason: String) -> ModelFileError {
            ModelFileError(file: file, problem: .invalidTensor(key: key, reason: reason))
        }
        guard size.count == stride.count else {
            throw invalid("size \(size) and stride \(stride) differ in length")
        }
        guard size.allSatisfy({ $0 >= 0 }) else { throw invalid("size \(size) has a negative dimension") }
        guard stride.allSatisfy({ $0 >= 0 }) else { throw invalid("stride \(stride) has a negative step") }
        guard offset >= 0 else { throw invalid("storage offset \(offset) is negative") }

        var count = 1
        var lastIndex = offset  // The element the view's last item reads.
        for (dimension, step) in zip(size, stride) {
            let (product, countOverflow) = count.multipliedReportingOverflow(by: dimension)
            let (reach, reachOverflow) = max(dimension - 1, 0).multipliedReportingOverflow(by: step)
            let (sum, sumOverflow) = lastIndex.addingReportingOverflow(reach)
            guard !countOverflow, !reachOverflow, !sumOverflow else {
                throw invalid("size \(size) with stride \(stride) overflows")
            }
            count = product
            lastIndex = sum
        }
        let reaches = count == 0 ? offset <= storage.count : lastIndex < storage.count
        guard reaches else {
            let needed = count == 0 ? "start at element \(offset)" : "reach element \(lastIndex)"
            throw ModelFileError(file: file, problem: .tensorOutsideStorage(
                key: key, reason: "size \(size), stride \(stride) and offset \(offset) \(needed) "
                    + "of a \(storage.count)-element storage"))
        }
        return count
    }

    /// The view's `count` elements in row-major order; `checkedCount` has validated the view.
    func gather(from values: [Float], count: Int) -> [Float] {
        if stride == Self.contiguousStride(size) {
            return Array(values[offset..<(offset + count)])
        }
        var result: [Float] = []
        result.reserveCapacity(count)
        guard count > 0 else { return result }
        // An odometer over the indices, innermost dimension fastest.
        var index = [Int](repeating: 0, count: size.count)
        var position = offset
        for _ in 0..<count {
            result.append(values[position])
            var dimension = size.count - 1
            while dimension >= 0 {
                index[dimension] += 1
                position += stride[dimension]
                if index[dimension] < size[dimension] { break }
                position -= stride[dimension] * index[dimension]
                index[dimension] = 0
                dimension -= 1
            }
        }
        return result
    }

    /// Row-major strides of `size`, as PyTorch computes them (a dimension of 0 counts as 1).
    static func contiguousStride(_ size: [Int]) -> [Int] {
        var stride = [Int](repeating: 1, count: size.count)
        var step = 1
        for dimension in size.indices.reversed() {
            stride[dimension] = step
            step *= max(size[dimension], 1)
        }
        return stride
    }
}
