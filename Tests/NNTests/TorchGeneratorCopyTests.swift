import NN
import Testing

/// `TorchGenerator.copy()`: a twin in the same state, as `set_state(get_state())` makes one.
@Suite struct TorchGeneratorCopyTests {
    @Test func aCopyDrawsWhatTheOriginalDrawsNextAndLeavesItAlone() {
        let generator = TorchGenerator(seed: 7)
        _ = Tensor.randn([3], generator: generator)   // leaves a cached normal behind (the small path)
        let twin = generator.copy()
        let fromTwin = (Tensor.randn([5], generator: twin).storage, twin.randperm(10), twin.random64())
        let fromOriginal = (Tensor.randn([5], generator: generator).storage, generator.randperm(10), generator.random64())
        #expect(fromTwin.0 == fromOriginal.0 && fromTwin.1 == fromOriginal.1 && fromTwin.2 == fromOriginal.2)
        #expect(twin.initialSeed == 7)
    }

    @Test func drawingFromACopyDoesNotAdvanceTheOriginal() {
        let generator = TorchGenerator(seed: 3)
        let expected = TorchGenerator(seed: 3).random()
        _ = generator.copy().randperm(100)
        #expect(generator.random() == expected)
    }
}
