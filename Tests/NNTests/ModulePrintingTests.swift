import Testing
@testable import NN

@Suite("Module printing identical to PyTorch 2.x print(model)")
struct ModulePrintingTests {
    @Test func leafModulesAndEmptyContainer() {
        #expect(Sigmoid().description == "Sigmoid()")
        #expect(Tanh().description == "Tanh()")
        #expect(ReLU().description == "ReLU()")
        #expect(Softmax(dim: -1).description == "Softmax(dim=-1)")
        #expect(Sequential([]).description == "Sequential()")
    }

    @Test func nestedContainersIndentByTwoMoreSpaces() {
        var generator = Generator(seed: 0)
        let inner = Sequential(Linear(2, 3, bias: false, generator: &generator), Tanh())
        let model = Sequential(inner, Sigmoid())
        #expect(model.description == """
            Sequential(
              (0): Sequential(
                (0): Linear(in_features=2, out_features=3, bias=False)
                (1): Tanh()
              )
              (1): Sigmoid()
            )
            """)
    }

    @Test func customSubclassPrintsItsClassName() {
        final class TinyNet: Module {
            let layer: Linear
            init(generator: inout Generator) {
                layer = Linear(1, 1, generator: &generator)
                super.init()
                registerModule("layer", layer)
            }
            override func forward(_ input: Tensor) -> Tensor { layer(input) }
        }
        var generator = Generator(seed: 0)
        #expect(TinyNet(generator: &generator).description == """
            TinyNet(
              (layer): Linear(in_features=1, out_features=1, bias=True)
            )
            """)
    }
}
