import NN
import Notebook

/// Experiment 8: one image through the untrained ReluNet — probabilities, arg-max and the classification bars.
struct ForwardPassExperiment: Experiment {
    let id = "forward-pass"
    let title = "A forward pass through an untrained network"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let model = context.shared(ReluNetExperiment.modelKey) { () -> ReluNet in
            preconditionFailure("the forward pass runs after the ReluNet experiment that makes its model")
        }
        let pass = OneImageForwardPass(model: model, context: context)
        NotebookProse.forwardPass.forEach { section.paragraph($0) }
        for (label, text) in pass.printouts() { section.output(label, text) }
        section.figure(try pass.figure(context: context, fileName: "classify-relunet.png",
                                       caption: "The image fed to ReluNet (left) and the probability it gives each class (right)."))
        section.paragraph(pass.verdict(classNames: context.classNames))
        section.results = pass.results
        return section
    }
}
