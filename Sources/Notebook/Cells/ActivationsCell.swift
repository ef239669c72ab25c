import NN

/// Cell 6: the activation functions — ReLU with sigmoid and tanh beside it. Draws nothing at random.
struct ActivationsCell: NotebookCell {
    static let id = "activation-functions"
    static let title = "Activation functions"

    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the activations section.
    struct Results: Encodable, Sendable {
        let x: [Float]
        let relu: [Float]
        let sigmoid: [Float]
        let tanh: [Float]
    }

    /// Applies the engine's three functions to fixed inputs and draws the figure.
    init() throws {
        let x = Tensor([-2, -1, -0.5, 0, 0.5, 1, 2])
        let (relu, sigmoid, tanh) = (x.relu(), x.sigmoid(), x.tanh())
        var section = NotebookSection()
        section.paragraphs(NotebookProse.activations)
        section.output("x = torch.tensor([-2, -1, -0.5, 0, 0.5, 1, 2]); print(x.relu()); print(x.sigmoid()); print(x.tanh())",
                       [relu.description, sigmoid.description, tanh.description].joined(separator: "\n"))
        section.figure(try activationFigure(), fileName: "activations.png",
                       caption: "ReLU, sigmoid and tanh on −2…2, each drawn through 200 points computed by the engine's functions.")
        self.section = section
        results = Results(x: x.storage, relu: relu.storage, sigmoid: sigmoid.storage, tanh: tanh.storage)
    }
}
