import Testing
@testable import NN

/// Brackets, line breaks, summarising, scalars, empty tensors, integer tensors and suffixes.
///
/// Printouts marked "real" were produced by PyTorch itself; the others follow the rules of
/// `torch/_tensor_str.py`.
@Suite struct TensorFormatterLayoutTests {
    // MARK: - Blocks

    @Test func threeDimensionalBlocksAreSeparatedByABlankLine() {
        // torch.arange(24.).reshape(2, 3, 4): width 3 ("23.").
        #expect(printed([2, 3, 4], (0..<24).map(Float.init)) == """
            tensor([[[ 0.,  1.,  2.,  3.],
                     [ 4.,  5.,  6.,  7.],
                     [ 8.,  9., 10., 11.]],

                    [[12., 13., 14., 15.],
                     [16., 17., 18., 19.],
                     [20., 21., 22., 23.]]])
            """)
    }

    @Test func fourDimensionalBlocksAreSeparatedByTwoBlankLines() {
        #expect(printed([2, 1, 1, 2], [1, 2, 3, 4]) == "tensor([[[[1., 2.]]],\n\n\n        [[[3., 4.]]]])")
    }

    // MARK: - Summarising

    @Test func oneThousandElementsAreShownInFull() {
        let text = printed([1000], (0..<1000).map(Float.init))
        #expect(!text.contains("..."))
        #expect(text.hasSuffix(" 999.])"))
        // Width 4 ("999."): floor(73 / 6) = 12 per line; ceil(1000 / 12) = 84 lines.
        #expect(text.split(separator: "\n").count == 84)
    }

    @Test func oneThousandAndOneElementsAreSummarised() {
        // Only the shown values 0, 1, 2, 998, 999, 1000 set the width (5, "1000.").
        #expect(printed([1001], (0..<1001).map(Float.init))
                == "tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.])")
    }

    @Test func summarisedZerosInThreeDimensions() {
        // Real: torch.zeros(3, 128, 128); the first dimension is short enough to show whole.
        let block = """
            [[0., 0., 0.,  ..., 0., 0., 0.],
                     [0., 0., 0.,  ..., 0., 0., 0.],
                     [0., 0., 0.,  ..., 0., 0., 0.],
                     ...,
                     [0., 0., 0.,  ..., 0., 0., 0.],
                     [0., 0., 0.,  ..., 0., 0., 0.],
                     [0., 0., 0.,  ..., 0., 0., 0.]]
            """
        let expected = "tensor([" + [block, block, block].joined(separator: ",\n\n        ") + "])"
        #expect(printed([3, 128, 128], Array(repeating: 0, count: 3 * 128 * 128)) == expected)
    }

    @Test func summarisedOuterDimensionKeepsBlankLinesAroundTheEllipsis() {
        // 8 blocks of 1 x 200: blocks 0-2, "...", blocks 5-7; each row cut to its edges.
        let values = (0..<1600).map { Float($0 % 200) }
        let row = "[[  0.,   1.,   2.,  ..., 197., 198., 199.]]"
        let expected = "tensor([" + [row, row, row, "...", row, row, row].joined(separator: ",\n\n        ") + "])"
        #expect(printed([8, 1, 200], values) == expected)
    }

    @Test func summarisedRowWithSuffixWraps() {
        // Real: a float64 window of 1024 values (hence the dtype suffix), symmetric about its middle.
        var window = [Float](repeating: 1, count: 1024)
        window.replaceSubrange(0..<3, with: [0.0158, 0.0163, 0.0169])
        window.replaceSubrange(1021..<1024, with: [0.0169, 0.0163, 0.0158])
        #expect(TensorFormatter.format(shape: [1024], values: window, suffixes: ["dtype=torch.float64"]) == """
            tensor([0.0158, 0.0163, 0.0169,  ..., 0.0169, 0.0163, 0.0158],
                   dtype=torch.float64)
            """)
    }

    // MARK: - Scalars

    @Test func zeroDimensionalTensors() {
        // Real: tensor(1.), tensor(14.).
        #expect(TensorFormatter.format(scalar: 1) == "tensor(1.)")
        #expect(TensorFormatter.format(scalar: 14) == "tensor(14.)")
        #expect(TensorFormatter.format(scalar: 6) == "tensor(6.)")
        #expect(TensorFormatter.format(scalar: -0.5) == "tensor(-0.5000)")
        #expect(TensorFormatter.format(scalar: 0) == "tensor(0.)")
        #expect(TensorFormatter.format(scalar: 2.3e-5) == "tensor(2.3000e-05)")
        #expect(TensorFormatter.format(scalar: .nan) == "tensor(nan)")
        #expect(TensorFormatter.format(scalar: -.infinity) == "tensor(-inf)")
        #expect(printed([], [0.1173]) == "tensor(0.1173)")
    }

    @Test func zeroDimensionalParameter() {
        #expect(TensorFormatter.format(shape: [], values: [2], isParameter: true)
                == "Parameter containing:\ntensor(2., requires_grad=True)")
    }

    // MARK: - Empty tensors

    @Test func emptyTensorsNameTheirSizeUnlessOneDimensional() {
        #expect(printed([0], []) == "tensor([])")
        #expect(printed([0, 3], []) == "tensor([], size=(0, 3))")
        #expect(printed([2, 0, 5], []) == "tensor([], size=(2, 0, 5))")
        #expect(TensorFormatter.format(shape: [0], values: [], isParameter: true)
                == "Parameter containing:\ntensor([], requires_grad=True)")
        #expect(TensorFormatter.format(integers: [], shape: [0]) == "tensor([], dtype=torch.int64)")
        #expect(TensorFormatter.format(integers: [], shape: [0, 3])
                == "tensor([], size=(0, 3), dtype=torch.int64)")
    }

    // MARK: - Integer tensors

    @Test func integerTensorsHaveNoDecimalPoint() {
        #expect(TensorFormatter.format(integers: [6, 2, 1], shape: [3]) == "tensor([6, 2, 1])")
        #expect(TensorFormatter.format(integers: [-1, 10, 0, 7], shape: [2, 2]) == """
            tensor([[-1, 10],
                    [ 0,  7]])
            """)
        // Real: torch.arange(10) under the default options.
        #expect(TensorFormatter.format(integers: Array(0..<10), shape: [10])
                == "tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])")
    }

    @Test func summarisedIntegerTensors() {
        // Real: 32768 zeros and 4096 copies of 171 (without their device suffix).
        #expect(TensorFormatter.format(integers: Array(repeating: 0, count: 32768), shape: [32768])
                == "tensor([0, 0, 0,  ..., 0, 0, 0])")
        #expect(TensorFormatter.format(integers: Array(repeating: 171, count: 4096), shape: [4096])
                == "tensor([171, 171, 171,  ..., 171, 171, 171])")
        // Real, with threshold 5: torch.arange(10).
        var options = PrintOptions.default
        options.threshold = 5
        #expect(TensorFormatter.format(integers: Array(0..<10), shape: [10], options: options)
                == "tensor([0, 1, 2,  ..., 7, 8, 9])")
    }

    @Test func sixtyFourLabelsWrapLikeValues() {
        // Width 1: floor(73 / 3) = 24 per line.
        let labels = (0..<64).map { $0 % 10 }
        let text = TensorFormatter.format(integers: labels, shape: [64])
        #expect(text == """
            tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3,
                    4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7,
                    8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3])
            """)
    }

    // MARK: - Options

    @Test func customPrecisionAndForcedNotation() {
        var options = PrintOptions.default
        options.precision = 2
        // Real: torch.set_printoptions(precision=2); torch.tensor([1.12345]).
        #expect(TensorFormatter.format(shape: [1], values: [1.12345], isParameter: false, options: options)
                == "tensor([1.12])")
        options = .default
        options.sciMode = true
        #expect(TensorFormatter.format(shape: [2], values: [0.5, 2], isParameter: false, options: options)
                == "tensor([5.0000e-01, 2.0000e+00])")
        // Real (PyTorch 2.13): the width is measured in the forced notation, so forcing
        // scientific pads to the widest scientific text ...
        #expect(TensorFormatter.format(shape: [2], values: [-100.5, 0.5], isParameter: false, options: options)
                == "tensor([-1.0050e+02,  5.0000e-01])")
        // ... and forcing fixed does not keep the width of the automatic scientific notation.
        options.sciMode = false
        #expect(TensorFormatter.format(shape: [2], values: [1e-5, 1], isParameter: false, options: options)
                == "tensor([0.0000, 1.0000])")
        #expect(TensorFormatter.format(shape: [2], values: [1e9, 1], isParameter: false, options: options)
                == "tensor([1000000000.,          1.])")
    }

    @Test func profiles() {
        let values = (0..<1001).map { Float($0) / 4 + 1 }  // 1 ... 251, a ratio below 1000
        #expect(TensorFormatter.format(shape: [1001], values: values, isParameter: false, options: .short)
                == "tensor([  1.00,   1.25,  ..., 250.75, 251.00])")
        let full = TensorFormatter.format(shape: [1001], values: values, isParameter: false, options: .full)
        #expect(!full.contains("..."))
        #expect(full.hasSuffix("250.7500, 251.0000])"))
    }

    @Test func noEdgeItemsShowsOnlyAnEllipsisAndAlwaysTheSize() {
        var options = PrintOptions.default
        options.edgeitems = 0
        // Real: torch.set_printoptions(edgeitems=0); torch.arange(10.), torch.arange(2000.).
        #expect(TensorFormatter.format(shape: [3], values: [1, 2, 3], isParameter: false, options: options)
                == "tensor([1., 2., 3.], size=(3,))")
        let many = (0..<2000).map(Float.init)
        #expect(TensorFormatter.format(shape: [2000], values: many, isParameter: false, options: options)
                == "tensor([...], size=(2000,))")
        #expect(TensorFormatter.format(shape: [20, 100], values: many, isParameter: false, options: options)
                == "tensor([...], size=(20, 100))")
    }

    @Test func narrowLinesStillHoldOneElement() {
        var options = PrintOptions.default
        options.linewidth = 10
        // floor((10 - 7) / 8) = 0, raised to 1 element per line.
        #expect(TensorFormatter.format(shape: [2], values: [0.5, 0.25], isParameter: false, options: options)
                == "tensor([0.5000,\n        0.2500])")
    }

    // MARK: - Suffixes

    @Test func suffixFitsOnTheLastLineUpToTheLineWidth() {
        // PyTorch measures the last line as its length + 2, then needs room for ", " + suffix:
        // a 58-character line takes `, requires_grad=True` (58 + 2 + 18 + 2 = 80) ...
        let fits = "tensor([" + String(repeating: "1", count: 49) + "]"
        #expect(TensorFormatter.appendingSuffixes(["requires_grad=True"], to: fits, indent: 7, options: .default)
                == fits + ", requires_grad=True)")
        // ... a 59-character one does not.
        let wraps = "tensor([" + String(repeating: "1", count: 50) + "]"
        #expect(TensorFormatter.appendingSuffixes(["requires_grad=True"], to: wraps, indent: 7, options: .default)
                == wraps + ",\n       requires_grad=True)")
        // Only the last line counts; after a wrap PyTorch measures indent + suffix (no + 2),
        // so "c" still fits: 7 + 70 + 1 + 2 = 80.
        let twoLines = "tensor([1.,\n        2.]"
        #expect(TensorFormatter.appendingSuffixes(["a", String(repeating: "b", count: 70), "c"], to: twoLines,
                                                  indent: 7, options: .default)
                == twoLines + ", a,\n       " + String(repeating: "b", count: 70) + ", c)")
    }

    @Test func pythonTuples() {
        #expect(TensorFormatter.pythonTuple([0, 3]) == "(0, 3)")
        #expect(TensorFormatter.pythonTuple([0]) == "(0,)")
        #expect(TensorFormatter.pythonTuple([]) == "()")
    }
}
