import Foundation
import Testing
@testable import NN

/// Printouts recorded from real PyTorch by `scripts/torch_print_reference.py`
/// (`Tests/Fixtures/torch-print-reference.json`): our formatter must reproduce each exactly.
struct TorchPrintReference: Decodable {
    /// One recorded tensor (or `torch.Size`) and what `print` showed for it.
    struct Case: Decodable {
        /// A unique label, e.g. `sci/ratio-above-1000`.
        let name: String
        /// `float`, `parameter`, `gradfn`, `int64` or `size`.
        let kind: String
        /// The tensor's shape (`[]` for 0-dim).
        let shape: [Int]
        /// The float32 bit patterns of the elements, row-major (float kinds).
        let bits: [UInt32]?
        /// The elements of an int64 tensor.
        let integers: [Int]?
        /// The `grad_fn` class name of a `gradfn` case, e.g. `SelectBackward0`.
        let gradFunction: String?
        /// `str(x)` in PyTorch.
        let printed: String
        /// The `torch.set_printoptions` in force, when not the defaults.
        let options: Options?

        enum CodingKeys: String, CodingKey {
            case name, kind, shape, bits, integers, printed, options
            case gradFunction = "grad_fn"
        }

        /// Our print options for this case.
        var printOptions: PrintOptions {
            guard let options else { return .default }
            return PrintOptions(precision: options.precision, threshold: options.threshold ?? .max,
                                edgeitems: options.edgeitems, linewidth: options.linewidth,
                                sciMode: options.sciMode)
        }
    }

    /// PyTorch's `get_printoptions()` at recording time.
    struct Options: Decodable {
        let precision: Int
        /// nil stands for infinity (`profile="full"`).
        let threshold: Int?
        let edgeitems: Int
        let linewidth: Int
        let sciMode: Bool?

        enum CodingKeys: String, CodingKey {
            case precision, threshold, edgeitems, linewidth
            case sciMode = "sci_mode"
        }
    }

    /// `torch.__version__` of the recording, e.g. `2.13.0+cpu`.
    let torchVersion: String
    /// The recorded tensors.
    let cases: [Case]
    /// `str(model)` for the notebook's modules, keyed by a label such as `Network` (checked in NotebookTests).
    let modules: [String: String]

    enum CodingKeys: String, CodingKey {
        case cases, modules
        case torchVersion = "torch_version"
    }

    /// The fixture next to the test targets: `Tests/Fixtures/torch-print-reference.json`.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/NNTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/torch-print-reference.json")

    /// Reads and decodes the fixture.
    static func load() throws -> TorchPrintReference {
        try JSONDecoder().decode(TorchPrintReference.self, from: Data(contentsOf: fileURL))
    }
}

@Suite("Printing identical to real PyTorch (recorded fixture)")
struct TorchPrintReferenceTests {
    /// What our code prints for a recorded case, or nil when the case is malformed.
    static func ourPrintout(_ reference: TorchPrintReference.Case) -> String? {
        let values = reference.bits.map { $0.map(Float.init(bitPattern:)) }
        guard reference.options != nil else { return defaultPrintout(reference, values: values) }
        // Non-default options go through the formatter's option-taking entry points.
        let printOptions = reference.printOptions
        switch reference.kind {
        case "float":
            guard let values else { return nil }
            if reference.shape.isEmpty { return TensorFormatter.format(scalar: values[0], options: printOptions) }
            return TensorFormatter.format(shape: reference.shape, values: values, isParameter: false,
                                          options: printOptions)
        case "parameter":
            guard let values else { return nil }
            return TensorFormatter.format(shape: reference.shape, values: values, isParameter: true,
                                          options: printOptions)
        case "gradfn":
            guard let values, let gradFunction = reference.gradFunction else { return nil }
            return TensorFormatter.format(shape: reference.shape, values: values, gradFunction: gradFunction,
                                          options: printOptions)
        case "int64":
            guard let integers = reference.integers else { return nil }
            return TensorFormatter.format(integers: integers, shape: reference.shape, options: printOptions)
        default:
            return nil
        }
    }

    /// What the public printing API (`Tensor`, `Parameter`, `TensorFormatter`) shows with
    /// PyTorch's default options.
    static func defaultPrintout(_ reference: TorchPrintReference.Case, values: [Float]?) -> String? {
        switch reference.kind {
        case "float":
            guard let values else { return nil }
            // 0-dim tensors go through the scalar entry point, the rest through `Tensor`.
            if reference.shape.isEmpty { return TensorFormatter.format(scalar: values[0]) }
            return Tensor(shape: reference.shape, storage: values).description
        case "parameter":
            guard let values else { return nil }
            return Parameter(Tensor(shape: reference.shape, storage: values)).description
        case "gradfn":
            guard let values, let gradFunction = reference.gradFunction else { return nil }
            return Tensor(shape: reference.shape, storage: values).description(gradFunction: gradFunction)
        case "int64":
            guard let integers = reference.integers else { return nil }
            return TensorFormatter.format(integers: integers, shape: reference.shape)
        case "size":
            return TensorFormatter.formatSize(reference.shape)
        default:
            return nil
        }
    }

    @Test func fixtureIsARealPyTorchRecordingCoveringEveryKind() throws {
        let reference = try TorchPrintReference.load()
        #expect(reference.torchVersion.hasPrefix("2."))
        #expect(reference.cases.count >= 500)
        #expect(reference.cases.filter { $0.options != nil }.count >= 200, "cases under non-default print options")
        let kinds = Set(reference.cases.map(\.kind))
        #expect(kinds == ["float", "parameter", "gradfn", "int64", "size"])
        #expect(Set(reference.cases.map(\.name)).count == reference.cases.count, "case names must be unique")
        // The summarisation threshold and the notebook's parameters are among the cases.
        let names = Set(reference.cases.map(\.name))
        #expect(names.isSuperset(of: ["threshold/1000-elements", "threshold/1001-elements",
                                      "notebook/linear-weight-128x64-parameter", "notebook/bias-64-parameter",
                                      "notebook/probabilities[:, 3]-gradfn", "notebook/tensor(6)-int64"]))
    }

    @Test func everyTensorPrintsExactlyAsPyTorchPrintsIt() throws {
        let reference = try TorchPrintReference.load()
        var mismatches = 0
        for reference in reference.cases {
            guard let actual = Self.ourPrintout(reference) else {
                Issue.record("\(reference.name): malformed case of kind \(reference.kind)")
                mismatches += 1
                continue
            }
            if actual != reference.printed {
                mismatches += 1
                Issue.record("""
                    \(reference.name) (\(reference.kind), shape \(reference.shape)) differs from PyTorch.
                    expected:
                    \(reference.printed)
                    actual:
                    \(actual)
                    """)
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(reference.cases.count) printouts differ from PyTorch")
    }
}
