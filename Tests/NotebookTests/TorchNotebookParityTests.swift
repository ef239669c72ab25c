import Datasets
import Foundation
import NN
@testable import Notebook
import TestSupport
import Testing

/// The notebook run by nnreport with `--seed S` against the same cells run by real PyTorch 2.13 after
/// `torch.manual_seed(S)` (`Tests/Fixtures/torch-notebook-reference.json`, written by
/// `scripts/torch_notebook_reference.py` on the same embedded sample).
@Suite struct TorchNotebookParityTests {
    /// What PyTorch printed and computed for one seed.
    struct Record: Decodable {
        let seed: UInt64
        let batchLabels: [Int]
        let outFirstRow: [Double]
        let reluNetSecondWeight: String
        let reluNetSecondBias: String
        let reluNetFirstWeightAfter: String
        let reluNetFirstBiasAfter: String
        let forwardPassLabel: Int
        let forwardPassProbabilities: [Double]
        let sequentialLabel: Int
        let sequentialProbabilities: [Double]
        let sequentialFirstWeight: String
        let namedFirstWeight: String
    }

    /// The fixture's records, by seed.
    static let records: [Record] = {
        struct File: Decodable { let records: [Record] }
        let url = RepositoryPaths.tests("Fixtures").appendingPathComponent("torch-notebook-reference.json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
            return []
        }
        return file.records
    }()

    @Test func theFixtureHoldsSeedsZeroSevenAndOneHundredTwentyThree() {
        #expect(Self.records.map(\.seed) == [0, 7, 123])
    }

    @Test(arguments: records)
    func theNotebookDrawsWhatPyTorchDraws(record: Record) throws {
        var cells = CollectedCells()
        try Notebook.run(training: NotebookCellsTests.training.get(), kind: .mnistSample, seed: record.seed, cells: &cells)
        let seed = "seed \(record.seed)"

        // 1. The first batch: the same 64 labels.
        #expect(try #require(cells.first(DataCell.self)).batch.labels == record.batchLabels, "\(seed): first batch")
        // 2. The bare-tensor network: out[0] within 1e-3 (products sum in another order than PyTorch's).
        let out = try #require(cells.first(TensorNetworkCell.self)).out
        for (column, expected) in record.outFirstRow.enumerated() {
            #expect(abs(Double(out[0, column]) - expected) <= 1e-3, "\(seed): out[0][\(column)] = \(out[0, column]), torch \(expected)")
        }
        // 4. ReluNet: the second layer as drawn, then the first layer after fill_(0) and normal_(std=0.01), byte for byte.
        let reluNet = try #require(cells.first(ReluNetCell.self)).model
        #expect(reluNet.hiddenOneToHiddenTwo.weight.description == record.reluNetSecondWeight, "\(seed): second weight")
        #expect(reluNet.hiddenOneToHiddenTwo.bias?.description == record.reluNetSecondBias, "\(seed): second bias")
        #expect(reluNet.inputToHiddenOne.weight.description == record.reluNetFirstWeightAfter, "\(seed): first weight after")
        #expect(reluNet.inputToHiddenOne.bias?.description == record.reluNetFirstBiasAfter, "\(seed): first bias after")
        // 5. A new batch's first image through the re-initialised ReluNet: probabilities within 1e-5.
        let forwardPass = try #require(cells.first(ForwardPassCell.self)).pass
        #expect(forwardPass.label == record.forwardPassLabel, "\(seed): forward-pass label")
        expectClose(forwardPass.probabilities.storage, record.forwardPassProbabilities, "\(seed): forward pass")
        // 6. The indexed Sequential: its own batch, its probabilities, model[0].weight byte for byte.
        let sequential = try #require(cells.first(SequentialCell.self))
        #expect(sequential.pass.label == record.sequentialLabel, "\(seed): sequential label")
        expectClose(sequential.pass.probabilities.storage, record.sequentialProbabilities, "\(seed): sequential")
        let firstLayer = try #require(sequential.model[0] as? Linear)
        #expect(firstLayer.weight.description == record.sequentialFirstWeight, "\(seed): print(model[0].weight)")
        // 7. The named Sequential, drawn last.
        let namedCell = try #require(cells.first(NamedSequentialCell.self))
        let named = try #require(namedCell.model[0] as? Linear)
        #expect(named.weight.description == record.namedFirstWeight, "\(seed): named model[0].weight")
    }

    /// Every probability within 1e-5 of PyTorch's.
    private func expectClose(_ actual: [Float], _ expected: [Double], _ what: String) {
        #expect(actual.count == expected.count, "\(what): \(actual.count) probabilities")
        for (index, (value, reference)) in zip(actual, expected).enumerated() {
            #expect(abs(Double(value) - reference) <= 1e-5, "\(what): probability \(index) = \(value), torch \(reference)")
        }
    }
}

extension TorchNotebookParityTests.Record: CustomTestStringConvertible {
    var testDescription: String { "seed \(seed)" }
}
