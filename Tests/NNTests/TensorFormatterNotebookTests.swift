import Testing
@testable import NN

/// The printouts of the lesson notebook: its parameters, its softmax sums, its shapes and labels.
@Suite struct TensorFormatterNotebookTests {
    /// The 64 bias values of `model.fc1.bias` as the notebook prints them.
    static let notebookBias: [Float] = [
        -0.0820, -0.0675, 0.0483, -0.0245, 0.0227, 0.0306, -0.0397, 0.0602,
        0.0737, -0.0517, -0.0539, 0.0142, 0.0129, -0.0251, 0.0813, 0.0114,
        0.0445, -0.0508, 0.0709, -0.0684, -0.0822, 0.0084, -0.0751, 0.0594,
        -0.0248, 0.0041, 0.0369, -0.0762, -0.0170, 0.0306, -0.0295, -0.0396,
        -0.0442, -0.0408, 0.0189, -0.0410, 0.0593, -0.0696, -0.0551, -0.0633,
        0.0681, 0.0720, 0.0678, 0.0486, 0.0795, -0.0340, 0.0176, 0.0837,
        -0.0152, 0.0514, -0.0676, 0.0065, 0.0309, -0.0441, -0.0364, -0.0513,
        -0.0145, -0.0328, 0.0282, 0.0612, -0.0549, -0.0411, 0.0456, 0.0129,
    ]

    @Test func biasParameterWrapsEightPerLineAndMovesTheSuffixToItsOwnLine() {
        // Width 7 ("-0.0820"): floor((80 - 7) / 9) = 8 per line; the last line is 79 wide,
        // so `, requires_grad=True` no longer fits and goes on a line indented by 7.
        let expected = """
            Parameter containing:
            tensor([-0.0820, -0.0675,  0.0483, -0.0245,  0.0227,  0.0306, -0.0397,  0.0602,
                     0.0737, -0.0517, -0.0539,  0.0142,  0.0129, -0.0251,  0.0813,  0.0114,
                     0.0445, -0.0508,  0.0709, -0.0684, -0.0822,  0.0084, -0.0751,  0.0594,
                    -0.0248,  0.0041,  0.0369, -0.0762, -0.0170,  0.0306, -0.0295, -0.0396,
                    -0.0442, -0.0408,  0.0189, -0.0410,  0.0593, -0.0696, -0.0551, -0.0633,
                     0.0681,  0.0720,  0.0678,  0.0486,  0.0795, -0.0340,  0.0176,  0.0837,
                    -0.0152,  0.0514, -0.0676,  0.0065,  0.0309, -0.0441, -0.0364, -0.0513,
                    -0.0145, -0.0328,  0.0282,  0.0612, -0.0549, -0.0411,  0.0456,  0.0129],
                   requires_grad=True)
            """
        #expect(TensorFormatter.format(shape: [64], values: Self.notebookBias, isParameter: true) == expected)
    }

    @Test func biasAsPlainTensorHasNoHeaderAndNoSuffix() {
        let text = TensorFormatter.format(shape: [64], values: Self.notebookBias, isParameter: false)
        #expect(text.hasPrefix("tensor([-0.0820, -0.0675,  0.0483,"))
        #expect(text.hasSuffix("\n        -0.0145, -0.0328,  0.0282,  0.0612, -0.0549, -0.0411,  0.0456,  0.0129])"))
        #expect(text.split(separator: "\n").count == 8)
    }

    @Test func weightParameterIsSummarisedToItsCorners() {
        // 128 x 64 = 8192 > 1000 elements: 3 rows, "...", 3 rows; 3 values, "...", 3 values.
        let corners: [Int: [Float]] = [
            0: [-0.0489, -0.0440, -0.0060, -0.0246, -0.0269, 0.0096],
            1: [0.0739, 0.0338, -0.0180, -0.0785, -0.0467, -0.0290],
            2: [-0.0117, -0.0637, 0.0105, 0.0158, 0.0126, -0.0255],
            125: [0.0077, -0.0302, 0.0320, -0.0089, -0.0645, -0.0595],
            126: [-0.0269, -0.0370, -0.0317, 0.0258, 0.0334, 0.0240],
            127: [0.0227, 0.0195, 0.0731, 0.0510, 0.0119, -0.0791],
        ]
        // Hidden values are huge: were they measured, the notation would turn scientific.
        var values = [Float](repeating: 12345.678, count: 128 * 64)
        for (row, shown) in corners {
            for (position, column) in [0, 1, 2, 61, 62, 63].enumerated() {
                values[row * 64 + column] = shown[position]
            }
        }
        let expected = """
            Parameter containing:
            tensor([[-0.0489, -0.0440, -0.0060,  ..., -0.0246, -0.0269,  0.0096],
                    [ 0.0739,  0.0338, -0.0180,  ..., -0.0785, -0.0467, -0.0290],
                    [-0.0117, -0.0637,  0.0105,  ...,  0.0158,  0.0126, -0.0255],
                    ...,
                    [ 0.0077, -0.0302,  0.0320,  ..., -0.0089, -0.0645, -0.0595],
                    [-0.0269, -0.0370, -0.0317,  ...,  0.0258,  0.0334,  0.0240],
                    [ 0.0227,  0.0195,  0.0731,  ...,  0.0510,  0.0119, -0.0791]],
                   requires_grad=True)
            """
        #expect(TensorFormatter.format(shape: [128, 64], values: values, isParameter: true) == expected)
    }

    @Test func softmaxRowSumsNearOnePrintInFixedNotation() {
        // Sums of float32 softmax rows land on 1 or one ulp either side; not all integral,
        // so fixed notation: width 6, floor(73 / 8) = 9 per line, 64 = 7 * 9 + 1.
        let sums: [Float] = (0..<64).map { [Float(0.99999994), 1, Float(1.0000001)][$0 % 3] }
        let row = Array(repeating: "1.0000", count: 9).joined(separator: ", ")
        let expected = "tensor([" + Array(repeating: row, count: 7).joined(separator: ",\n        ")
            + ",\n        1.0000])"
        #expect(TensorFormatter.format(shape: [64], values: sums, isParameter: false) == expected)
    }

    @Test func exactOnesPrintInIntegralNotation() {
        // Width 2 ("1."): floor(73 / 4) = 18 per line, 64 = 3 * 18 + 10.
        let row = Array(repeating: "1.", count: 18).joined(separator: ", ")
        let expected = """
            tensor([\(row),
                    \(row),
                    \(row),
                    1., 1., 1., 1., 1., 1., 1., 1., 1., 1.])
            """
        #expect(TensorFormatter.format(shape: [64], values: Array(repeating: 1, count: 64), isParameter: false)
                == expected)
    }

    @Test func probabilityOfTheTopClassCarriesItsGradFunction() {
        #expect(TensorFormatter.format(shape: [1], values: [0.1173], gradFunction: "SelectBackward")
                == "tensor([0.1173], grad_fn=<SelectBackward>)")
    }

    @Test func labelsAndShapes() {
        #expect(TensorFormatter.format(integers: [6], shape: []) == "tensor(6)")
        #expect(TensorFormatter.format(integers: [2], shape: []) == "tensor(2)")
        #expect(TensorFormatter.formatSize([64, 1, 28, 28]) == "torch.Size([64, 1, 28, 28])")
        #expect(TensorFormatter.formatSize([64, 10]) == "torch.Size([64, 10])")
        #expect(TensorFormatter.formatSize([64]) == "torch.Size([64])")
        #expect(TensorFormatter.formatSize([]) == "torch.Size([])")
    }
}
