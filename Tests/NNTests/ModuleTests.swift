import Testing
@testable import NN

@Suite("Modules: children and parameters")
struct ModuleTests {
    @Test func sharedParameterIsListedOnce() {
        var generator = Generator(seed: 0)
        let layer = Linear(3, 3, generator: &generator)
        let model = Sequential(layer, ReLU(), layer)
        #expect(model.namedParameters().map(\.name) == ["0.weight", "0.bias"])
    }

    @Test func registeringANameTwiceFails() async {
        await #expect(processExitsWith: .failure) {
            let module = Sequential([])
            module.registerModule("relu", ReLU())
            module.registerModule("relu", ReLU())
        }
    }
}
