import NN
import Notebook
import Plotting

/// Experiment 6: the activation functions — ReLU with sigmoid and tanh beside it.
struct ActivationsExperiment: Experiment {
    let id = "activation-functions"
    let title = "Activation functions"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        NotebookProse.activations.forEach { section.paragraph($0) }
        let x = Tensor([-2, -1, -0.5, 0, 0.5, 1, 2])
        section.output("x = torch.tensor([-2, -1, -0.5, 0, 0.5, 1, 2]); print(x.relu()); print(x.sigmoid()); print(x.tanh())",
                       [x.relu().description, x.sigmoid().description, x.tanh().description].joined(separator: "\n"))
        let figure = try context.render(activationFigure(), fileName: "activations.png",
                                        caption: "ReLU, sigmoid and tanh on −2…2, each drawn through 200 points computed by the engine's functions.")
        section.figure(figure)
        section.results = [
            "x": .floats(x.storage),
            "relu": .floats(x.relu().storage),
            "sigmoid": .floats(x.sigmoid().storage),
            "tanh": .floats(x.tanh().storage),
        ]
        return section
    }
}
