import Testing
@testable import NN

/// How the formatter picks integral, fixed or scientific notation and the column width.
///
/// Printouts marked "real" were produced by PyTorch itself (published documentation and
/// tutorials); the others follow the rules of `torch/_tensor_str.py`.
@Suite struct TensorFormatterNotationTests {
    // MARK: - Integral

    @Test func zerosPrintWithWidthTwo() {
        // No nonzero finite value: integral notation, width 1, so "0." is never padded.
        #expect(printed([3, 4], Array(repeating: 0, count: 12)) == """
            tensor([[0., 0., 0., 0.],
                    [0., 0., 0., 0.],
                    [0., 0., 0., 0.]])
            """)
    }

    @Test func integralValuesAreRightJustified() {
        // Real: torch.linspace(1, 10, steps=10) and a Binomial sample.
        #expect(printed([10], (1...10).map(Float.init))
                == "tensor([ 1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10.])")
        #expect(printed([4], [0, 21, 78, 100]) == "tensor([  0.,  21.,  78., 100.])")
        // Real: torch.eye(5).
        #expect(printed([5, 5], (0..<25).map { $0 % 6 == 0 ? 1 : 0 }) == """
            tensor([[1., 0., 0., 0., 0.],
                    [0., 1., 0., 0., 0.],
                    [0., 0., 1., 0., 0.],
                    [0., 0., 0., 1., 0.],
                    [0., 0., 0., 0., 1.]])
            """)
    }

    @Test func negativeIntegralValues() {
        #expect(printed([3], [-3, 0, 12]) == "tensor([-3.,  0., 12.])")
        #expect(printed([2], [-10, -1]) == "tensor([-10.,  -1.])")
    }

    // MARK: - Fixed

    @Test func negativeValuesWidenTheColumn() {
        // Real: torch.randn(3, 4).
        let values: [Float] = [-2.6779, 0.7904, -0.6174, -0.5065,
                               -1.0275, 0.4956, -0.2455, -1.6991,
                               1.1835, -1.2575, 0.5088, 0.3303]
        #expect(printed([3, 4], values) == """
            tensor([[-2.6779,  0.7904, -0.6174, -0.5065],
                    [-1.0275,  0.4956, -0.2455, -1.6991],
                    [ 1.1835, -1.2575,  0.5088,  0.3303]])
            """)
        // Without negatives the column is 6 wide (real: torch.rand(3, 5)).
        #expect(printed([1, 5], [0.6971, 0.2102, 0.7090, 0.5477, 0.4500])
                == "tensor([[0.6971, 0.2102, 0.7090, 0.5477, 0.4500]])")
    }

    @Test func fixedNotationRoundsTheExactBinaryValue() {
        // Decimal ties are not ties in binary: as float32, 0.12345 is 0.1234500036 (up),
        // 0.00035 is 0.0003499999875 (down) and 1.00005 is 1.0000499487 (down).
        #expect(printed([2], [0.12345, 2.5]) == "tensor([0.1235, 2.5000])")
        #expect(printed([2], [0.00035, 0.1]) == "tensor([0.0003, 0.1000])")
        #expect(printed([2], [1.00005, 2.00015]) == "tensor([1.0000, 2.0001])")
        #expect(printed([3], [0.5, 1.25, 10]) == "tensor([ 0.5000,  1.2500, 10.0000])")
        // Real: torch.logspace(0.1, 1.0, steps=5).
        #expect(printed([5], [1.2589, 2.1135, 3.5481, 5.9566, 10.0000])
                == "tensor([ 1.2589,  2.1135,  3.5481,  5.9566, 10.0000])")
    }

    // MARK: - Scientific

    @Test func wideRangeSwitchesToScientific() {
        // Real: torch.logspace(-10, 10, steps=5).
        #expect(printed([5], [1e-10, 1e-5, 1, 1e5, 1e10])
                == "tensor([1.0000e-10, 1.0000e-05, 1.0000e+00, 1.0000e+05, 1.0000e+10])")
        // Integral values too, once max / min exceeds 1000 ...
        #expect(printed([2], [1, 10000]) == "tensor([1.0000e+00, 1.0000e+04])")
        // ... but a ratio of exactly 1000 stays integral.
        #expect(printed([2], [1, 1000]) == "tensor([   1., 1000.])")
        // The ratio is taken in double on the float32 values: 333.33334 / 0.33333334 = 1000.0000007.
        #expect(printed([2], [Float(1) / 3, Float(1000) / 3]) == "tensor([3.3333e-01, 3.3333e+02])")
        // Beyond 1e8 even a single value is scientific.
        #expect(printed([1], [2e8]) == "tensor([2.0000e+08])")
    }

    @Test func float32TenToTheMinusFourIsBelowTheDoubleThreshold() {
        // Float(0.0001) == 9.99999975e-05 < 1e-4 once widened to double, as in PyTorch.
        #expect(printed([2], [0.0001, 0.01]) == "tensor([1.0000e-04, 1.0000e-02])")
        #expect(printed([2], [0.00011, 0.01]) == "tensor([0.0001, 0.0100])")
        #expect(printed([2], [0.0002, 0.01]) == "tensor([0.0002, 0.0100])")
    }

    @Test func scientificRowsWrapAndZerosAreWrittenInScientific() {
        // Real: an uninitialised torch.FloatTensor(5, 7) whose default dtype was double, hence
        // the dtype suffix. Width 11: floor((80 - 8) / 13) = 5 per line inside a 2-D tensor.
        // Subnormal float32 values, parsed from text (literals would warn about underflow).
        let values: [Float] = [
            -1.8898e-37, sub("4.5565e-41"), -2.1946e+07, sub("3.0677e-41"), 0, 0, 0,
            0, -9.6936e+00, sub("3.0677e-41"), sub("3.8255e-43"), 0, -1.7251e+05, sub("3.0677e-41"),
            -1.8898e-37, sub("4.5565e-41"), -2.9606e+00, sub("3.0677e-41"), -5.9568e+00, sub("3.0677e-41"), -2.0789e+00,
            sub("3.0677e-41"), sub("3.1529e-43"), 0, -1.8898e-37, sub("4.5565e-41"), -6.7922e+07, sub("3.0677e-41"),
            0, 0, -1.6589e+07, sub("3.0677e-41"), 0, 0, 0,
        ]
        let expected = """
            tensor([[-1.8898e-37,  4.5565e-41, -2.1946e+07,  3.0677e-41,  0.0000e+00,
                      0.0000e+00,  0.0000e+00],
                    [ 0.0000e+00, -9.6936e+00,  3.0677e-41,  3.8255e-43,  0.0000e+00,
                     -1.7251e+05,  3.0677e-41],
                    [-1.8898e-37,  4.5565e-41, -2.9606e+00,  3.0677e-41, -5.9568e+00,
                      3.0677e-41, -2.0789e+00],
                    [ 3.0677e-41,  3.1529e-43,  0.0000e+00, -1.8898e-37,  4.5565e-41,
                     -6.7922e+07,  3.0677e-41],
                    [ 0.0000e+00,  0.0000e+00, -1.6589e+07,  3.0677e-41,  0.0000e+00,
                      0.0000e+00,  0.0000e+00]], dtype=torch.float32)
            """
        #expect(TensorFormatter.format(shape: [5, 7], values: values, suffixes: ["dtype=torch.float32"])
                == expected)
    }

    /// A value written as text, e.g. a float32 subnormal.
    private func sub(_ text: String) -> Float { Float(text)! }

    // MARK: - Non-finite

    @Test func nanAndInfinityNeverWidenTheColumn() {
        #expect(printed([2], [1.5, .infinity]) == "tensor([1.5000,    inf])")
        #expect(printed([3], [1, .nan, -.infinity]) == "tensor([1., nan, -inf])")
        #expect(printed([2], [.nan, .nan]) == "tensor([nan, nan])")
        #expect(printed([2], [-Float.nan, 0.25]) == "tensor([   nan, 0.2500])")
        #expect(printed([2], [1e-6, .infinity]) == "tensor([1.0000e-06,        inf])")
    }
}
