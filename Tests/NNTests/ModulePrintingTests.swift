import Testing
@testable import NN

@Suite("Module printing identical to PyTorch 2.x print(model)")
struct ModulePrintingTests {
    @Test func network() {
        var generator = Generator(seed: 0)
        #expect(Network(generator: &generator).description == """
            Network(
              (hidden): Linear(in_features=784, out_features=256, bias=True)
              (output): Linear(in_features=256, out_features=10, bias=True)
              (sigmoid): Sigmoid()
              (softmax): Softmax(dim=1)
            )
            """)
    }

    @Test func reluNet() {
        var generator = Generator(seed: 0)
        #expect(ReluNet(generator: &generator).description == """
            ReluNet(
              (input_to_hidden_one): Linear(in_features=784, out_features=128, bias=True)
              (hidden_one_to_hidden_two): Linear(in_features=128, out_features=64, bias=True)
              (hidden_two_to_output): Linear(in_features=64, out_features=10, bias=True)
              (relu): ReLU()
              (softmax): Softmax(dim=1)
            )
            """)
    }

    @Test func indexedSequential() {
        var generator = Generator(seed: 0)
        #expect(Sequential.notebookIndexed(generator: &generator).description == """
            Sequential(
              (0): Linear(in_features=784, out_features=128, bias=True)
              (1): ReLU()
              (2): Linear(in_features=128, out_features=64, bias=True)
              (3): ReLU()
              (4): Linear(in_features=64, out_features=10, bias=True)
              (5): Softmax(dim=1)
            )
            """)
    }

    @Test func namedSequential() {
        var generator = Generator(seed: 0)
        let model = Sequential.notebookNamed(generator: &generator)
        #expect(model.description == """
            Sequential(
              (input_to_hidden): Linear(in_features=784, out_features=128, bias=True)
              (relu_1): ReLU()
              (hidden_to_hidden): Linear(in_features=128, out_features=64, bias=True)
              (relu_2): ReLU()
              (output): Linear(in_features=64, out_features=10, bias=True)
              (softmax): Softmax(dim=1)
            )
            """)
        #expect(model[0].description == "Linear(in_features=784, out_features=128, bias=True)")
    }

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
