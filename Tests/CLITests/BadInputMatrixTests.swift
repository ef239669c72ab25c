import Foundation
import NNReportCLI
import Report
import TestSupport
import Testing

/// A content that records whether the pipeline asked it for sections: a bad input must stop the run before.
private final class SpyContent: ReportContent, @unchecked Sendable {
    /// Whether `makeSections` ran.
    private(set) var ran = false
    private let fixture = FixtureContent()

    /// The fixture content's title, introduction and outline.
    var title: String { fixture.title }
    var introduction: String { fixture.introduction }
    var outline: [SectionOutline] { fixture.outline }

    /// Records the call, then makes the fixture's sections.
    func makeSections(dataset: LoadedDataset, seed: UInt64, recorder: SectionRecorder) throws {
        ran = true
        try fixture.makeSections(dataset: dataset, seed: seed, recorder: recorder)
    }
}

/// Where one case runs: a fresh folder holding a previous report in `output/`, and the marker that a hostile
/// payload would create if anything executed it.
struct BadInputScene {
    let folder: URL

    /// The previous report's folder.
    var output: String { path("output") }
    /// The file a hostile pickle's payload tries to create.
    var marker: String { path("pwned-marker") }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `data` as `name` and returns its path.
    @discardableResult
    func write(_ data: Data, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    /// Copies a model-file fixture in as `name` (default: its own name) and returns its path.
    func fixture(_ fixture: String, as name: String? = nil) throws -> String {
        try write(Data(contentsOf: TestPaths.modelFile(fixture)), name ?? fixture)
    }

    /// The embedded sample's four files in `data/`, returning the folder's path.
    func sampleCopy() throws -> String {
        for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try write(Data(contentsOf: CraftedFiles.sampleFile(name)), "data/\(name)")
        }
        return path("data")
    }
}

/// One bad input: how to make it, the command line, and the exact line and status it must give.
struct BadInput: Sendable, CustomTestStringConvertible {
    /// What is wrong, as the test run lists the case.
    let name: String
    /// The sysexits status it must give.
    let status: Int32
    /// Makes the files and returns the arguments.
    let arguments: @Sendable (BadInputScene) throws -> [String]
    /// The whole stderr line (without "nnreport: error: " and the newline), or its start when `prefixOnly`.
    let message: @Sendable (BadInputScene) -> String
    /// Whether `message` is a stable start only (the rest words a zip or JSON library's reason).
    var prefixOnly = false

    /// The case's name.
    var testDescription: String { name }
}

/// At least 30 bad inputs across IDX files, safetensors, checkpoints (hostile pickles among them), options, output
/// paths and templates. Each gives exactly one line `nnreport: error: …` naming the problem and the file, its sysexits
/// status, leaves the previous report byte for byte, runs nothing of the hostile files and stops before any section.
@Suite struct BadInputMatrixTests {
    /// `generate` into the scene's output folder, without timings.
    static func generate(_ scene: BadInputScene, _ more: [String]) -> [String] {
        ["generate", "--output", scene.output, "--no-timings", "--quiet"] + more
    }

    /// `predict` of the sample's first 8 test images with `weights`.
    static func predict(_ scene: BadInputScene, weights: String) throws -> [String] {
        ["predict", "--weights", weights, "--images", try scene.write(CraftedFiles.sampleTestImages(count: 8), "eight-idx3-ubyte")]
    }

    /// A valid float32 safetensors header entry.
    static func entry(_ key: String, _ shape: [Int], _ start: Int, _ end: Int, dtype: String = "F32") -> String {
        "\"\(key)\": {\"dtype\": \"\(dtype)\", \"shape\": \(shape), \"data_offsets\": [\(start), \(end)]}"
    }

    /// The restricted unpickler's reason for refusing a global.
    static let refusal = "(only state dicts of tensors are read)"

    /// Every case, by kind of input.
    static let cases: [BadInput] = idxCases + safetensorsCases + checkpointCases + optionCases + outputCases + templateCases

    // MARK: - IDX

    /// IDX images and labels, through predict and generate --data-dir.
    static let idxCases: [BadInput] = [
        BadInput(name: "IDX images truncated", status: 65, arguments: { scene in
            let file = try scene.write(CraftedFiles.idx(dimensions: [8, 28, 28], data: Array(repeating: 0, count: 100)), "cut-idx3-ubyte")
            return ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", file]
        }, message: { _ in "cut-idx3-ubyte: truncated data: header declares 8 images of 28x28 (6272 bytes) but 100 remain" }),
        BadInput(name: "IDX images with a wrong magic number", status: 65, arguments: { scene in
            let file = try scene.write(CraftedFiles.idx(dimensions: [1, 28, 28], data: Array(repeating: 0, count: 784), magic: 0x0100_0803), "magic-idx3-ubyte")
            return ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", file]
        }, message: { _ in "magic-idx3-ubyte: not an IDX file: magic number 0x01000803, expected 0x00000803" }),
        BadInput(name: "IDX labels file given as images (wrong dimension count)", status: 65, arguments: { scene in
            ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", CraftedFiles.sampleFile("t10k-labels-idx1-ubyte.gz").path]
        }, message: { _ in "t10k-labels-idx1-ubyte.gz: wrong dimension count: the header declares 1 dimension but an IDX images file has 3" }),
        BadInput(name: "IDX images of 20x20 pixels", status: 65, arguments: { scene in
            let file = try scene.write(CraftedFiles.idx(dimensions: [2, 20, 20], data: Array(repeating: 9, count: 800)), "small-idx3-ubyte")
            return ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", file]
        }, message: { _ in "small-idx3-ubyte: images are 20x20 pixels; the lesson's network takes 28x28 (784 inputs)" }),
        BadInput(name: "IDX gzip corrupted", status: 65, arguments: { scene in
            var bytes = try Data(contentsOf: CraftedFiles.sampleFile("t10k-images-idx3-ubyte.gz"))
            for index in 200..<260 { bytes[index] ^= 0x5A }
            return ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", try scene.write(bytes, "bad-idx3-ubyte.gz")]
        }, message: { _ in "bad-idx3-ubyte.gz: corrupt gzip data at compressed byte 208: invalid distance too far back" }),
        BadInput(name: "IDX gzip truncated", status: 65, arguments: { scene in
            let bytes = try Data(contentsOf: CraftedFiles.sampleFile("t10k-images-idx3-ubyte.gz"))
            return ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", try scene.write(bytes.prefix(5000), "half-idx3-ubyte.gz")]
        }, message: { _ in "half-idx3-ubyte.gz: corrupt gzip data at compressed byte 5000: unexpected end of compressed data" }),
        BadInput(name: "IDX label count differs from the image count", status: 65, arguments: { scene in
            let labels = try scene.write(CraftedFiles.sampleTestLabels(count: 7), "seven-idx1-ubyte")
            return try predict(scene, weights: try scene.fixture("notebook.safetensors")) + ["--labels", labels]
        }, message: { _ in "eight-idx3-ubyte: count mismatch: it holds 8 images but seven-idx1-ubyte holds 7 labels" }),
        BadInput(name: "IDX label out of range", status: 65, arguments: { scene in
            let labels = try scene.write(CraftedFiles.idx(dimensions: [8], data: [7, 2, 1, 0, 4, 1, 12, 9]), "bad-labels-idx1-ubyte")
            return try predict(scene, weights: try scene.fixture("notebook.safetensors")) + ["--labels", labels]
        }, message: { _ in "bad-labels-idx1-ubyte: label 12 at index 6 (byte 14) is outside 0–9" }),
        BadInput(name: "IDX images file missing", status: 66, arguments: { scene in
            ["predict", "--weights", try scene.fixture("notebook.safetensors"), "--images", scene.path("none-idx3-ubyte")]
        }, message: { scene in "\(scene.path("none-idx3-ubyte")): no such file" }),
        BadInput(name: "IDX training labels with trailing bytes (generate --data-dir)", status: 65, arguments: { scene in
            let data = try scene.sampleCopy()
            try scene.write(CraftedFiles.idx(dimensions: [2], data: [1, 2, 3]), "data/train-labels-idx1-ubyte")
            return generate(scene, ["--dataset", "mnist", "--data-dir", data])
        }, message: { _ in "load: train-labels-idx1-ubyte: trailing bytes: header declares 2 labels (2 bytes) but 1 more byte follow" }),
    ]

    // MARK: - safetensors

    /// safetensors files given to --weights.
    static let safetensorsCases: [BadInput] = [
        BadInput(name: "safetensors truncated to 5 bytes", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.write(Data([1, 2, 3, 4, 5]), "five.safetensors")])
        }, message: { _ in "--weights: five.safetensors: 5 bytes is too short for the 8-byte safetensors header length" }),
        BadInput(name: "safetensors header length past the end", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.write(CraftedFiles.safetensors(header: "{}", data: [], declaredLength: 4096), "long.safetensors")])
        }, message: { _ in "--weights: long.safetensors: header length 4096 runs past the end of the file (10 bytes, of which 8 are the length)" }),
        BadInput(name: "safetensors header not JSON", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.write(CraftedFiles.safetensors(header: "{\"a\": [1, 2", data: []), "json.safetensors")])
        }, message: { _ in "--weights: json.safetensors: header is not valid JSON: " }, prefixOnly: true),
        BadInput(name: "safetensors unknown dtype", status: 65, arguments: { scene in
            let header = "{\(entry("0.weight", [2], 0, 16, dtype: "I64"))}"
            return generate(scene, ["--weights", try scene.write(CraftedFiles.safetensors(header: header, data: Array(repeating: 0, count: 16)), "dtype.safetensors")])
        }, message: { _ in "--weights: dtype.safetensors: tensor '0.weight' has unsupported dtype 'I64' (only F32, F16, BF16 and F64 are read)" }),
        BadInput(name: "safetensors overlapping offsets", status: 65, arguments: { scene in
            let header = "{\(entry("0.weight", [2], 0, 8)), \(entry("0.bias", [2], 4, 12))}"
            return generate(scene, ["--weights", try scene.write(CraftedFiles.safetensors(header: header, data: Array(repeating: 0, count: 12)), "overlap.safetensors")])
        }, message: { _ in "--weights: overlap.safetensors: tensors '0.weight' and '0.bias' overlap at data offset 4" }),
        BadInput(name: "safetensors shape and bytes disagree", status: 65, arguments: { scene in
            let header = "{\(entry("0.weight", [3], 0, 8))}"
            return generate(scene, ["--weights", try scene.write(CraftedFiles.safetensors(header: header, data: Array(repeating: 0, count: 8)), "shape.safetensors")])
        }, message: { _ in "--weights: shape.safetensors: tensor '0.weight': shape [3] of F32 needs 12 bytes but its data_offsets span 8" }),
        BadInput(name: "safetensors of another network shape (20-16-8-10)", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.fixture("small.safetensors")])
        }, message: { _ in "--weights: small.safetensors: Error(s) in loading state_dict for Sequential: size mismatch for 0.weight: copying a param with shape torch.Size([16, 20]) from checkpoint, the shape in current model is torch.Size([128, 784]). size mismatch for 0.bias: copying a param with shape torch.Size([16]) from checkpoint, the shape in current model is torch.Size([128]). size mismatch for 2.weight: copying a param with shape torch.Size([8, 16]) from checkpoint, the shape in current model is torch.Size([64, 128]). size mismatch for 2.bias: copying a param with shape torch.Size([8]) from checkpoint, the shape in current model is torch.Size([64]). size mismatch for 4.weight: copying a param with shape torch.Size([10, 8]) from checkpoint, the shape in current model is torch.Size([10, 64])." }),
        BadInput(name: "safetensors with a key the network lacks (predict)", status: 65, arguments: { scene in
            let header = "{\(entry("fc1.weight", [2], 0, 8))}"
            return try predict(scene, weights: try scene.write(CraftedFiles.safetensors(header: header, data: CraftedFiles.float32([1, 2])), "fc.safetensors"))
        }, message: { _ in #"--weights: fc.safetensors: Error(s) in loading state_dict for Sequential: Missing key(s) in state_dict: "0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias". Unexpected key(s) in state_dict: "fc1.weight"."# }),
    ]

    // MARK: - Checkpoints

    /// torch.save checkpoints given to --weights: damaged, hostile, of another shape, missing.
    static let checkpointCases: [BadInput] = [
        BadInput(name: "checkpoint truncated", status: 65, arguments: { scene in
            let bytes = try Data(contentsOf: TestPaths.modelFile("notebook-torch2.pth"))
            return generate(scene, ["--weights", try scene.write(bytes.prefix(bytes.count / 2), "half.pth")])
        }, message: { _ in "--weights: half.pth: not a zip archive" }, prefixOnly: true),
        BadInput(name: "checkpoint with a corrupted record", status: 65, arguments: { scene in
            var bytes = try Data(contentsOf: TestPaths.modelFile("notebook-torch2.pth"))
            for index in 100_000..<100_016 { bytes[index] ^= 0xFF }
            return generate(scene, ["--weights", try scene.write(bytes, "corrupt.pth")])
        }, message: { _ in "--weights: corrupt.pth: record 'notebook-torch2/data/0' is damaged: " }, prefixOnly: true),
        BadInput(name: "checkpoint that is a text file", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.write(Data("not a checkpoint\n".utf8), "text.pt")])
        }, message: { _ in "--weights: text.pt: not a zip archive" }, prefixOnly: true),
        BadInput(name: "fixture pickle calling os.system", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.fixture("evil-os-system.pth")])
        }, message: { _ in "--weights: evil-os-system.pth: refuses global 'os.system' \(refusal)" }),
        BadInput(name: "fixture pickle calling builtins.eval", status: 65, arguments: { scene in
            generate(scene, ["--weights", try scene.fixture("evil-builtins-eval.pth")])
        }, message: { _ in "--weights: evil-builtins-eval.pth: refuses global 'builtins.eval' \(refusal)" }),
        BadInput(name: "fixture pickle reducing an arbitrary class", status: 65, arguments: { scene in
            try predict(scene, weights: try scene.fixture("evil-custom-class.pth"))
        }, message: { _ in "--weights: evil-custom-class.pth: refuses global '__main__.Payload' \(refusal)" }),
        BadInput(name: "crafted os.system touching the marker", status: 65, arguments: { scene in
            let pickle = CraftedFiles.callPickle("os", "system", argument: "touch \(scene.marker)")
            return generate(scene, ["--weights", try scene.write(CraftedFiles.checkpoint(pickle: pickle), "touch.pth")])
        }, message: { _ in "--weights: touch.pth: refuses global 'os.system' \(refusal)" }),
        BadInput(name: "crafted builtins.eval writing the marker", status: 65, arguments: { scene in
            let code = "open('\(scene.marker)', 'w').write('pwned')"
            let pickle = CraftedFiles.callPickle("builtins", "eval", argument: code)
            return try predict(scene, weights: try scene.write(CraftedFiles.checkpoint(pickle: pickle), "eval.pth"))
        }, message: { _ in "--weights: eval.pth: refuses global 'builtins.eval' \(refusal)" }),
        BadInput(name: "crafted builtins.open creating the marker", status: 65, arguments: { scene in
            let pickle = CraftedFiles.openForWritingPickle("builtins", "open", path: scene.marker)
            return generate(scene, ["--weights", try scene.write(CraftedFiles.checkpoint(pickle: pickle), "open.pth")])
        }, message: { _ in "--weights: open.pth: refuses global 'builtins.open' \(refusal)" }),
        BadInput(name: "crafted __reduce__ of an arbitrary class with the marker", status: 65, arguments: { scene in
            let pickle = CraftedFiles.openForWritingPickle("__main__", "Payload", path: scene.marker)
            return generate(scene, ["--weights", try scene.write(CraftedFiles.checkpoint(pickle: pickle), "payload.pth")])
        }, message: { _ in "--weights: payload.pth: refuses global '__main__.Payload' \(refusal)" }),
        BadInput(name: "crafted STACK_GLOBAL subprocess.call touching the marker", status: 65, arguments: { scene in
            let pickle = CraftedFiles.stackGlobalCallPickle("subprocess", "call", argument: "touch \(scene.marker)")
            return generate(scene, ["--weights", try scene.write(CraftedFiles.checkpoint(pickle: pickle), "stack.pth")])
        }, message: { _ in "--weights: stack.pth: refuses global 'subprocess.call' \(refusal)" }),
        BadInput(name: "crafted exec inside a normal-looking state dict", status: 65, arguments: { scene in
            let pickle = CraftedFiles.execInsideStateDictPickle(code: "open('\(scene.marker)', 'w')")
            return generate(scene, ["--weights", try scene.write(CraftedFiles.checkpoint(pickle: pickle), "inside.pth")])
        }, message: { _ in "--weights: inside.pth: refuses global 'builtins.exec' \(refusal)" }),
        BadInput(name: "checkpoint of another network shape", status: 65, arguments: { scene in
            try predict(scene, weights: try scene.fixture("small-torch1.pth"))
        }, message: { _ in "--weights: small-torch1.pth: Error(s) in loading state_dict for Sequential: size mismatch for 0.weight:" }, prefixOnly: true),
        BadInput(name: "checkpoint file missing", status: 66, arguments: { scene in
            generate(scene, ["--weights", scene.path("missing.pth")])
        }, message: { scene in "--weights: missing.pth: no such file (\(scene.path("missing.pth")))" }),
        BadInput(name: "checkpoint path that is a folder", status: 66, arguments: { scene in
            try FileManager.default.createDirectory(atPath: scene.path("folder.pth"), withIntermediateDirectories: true)
            return generate(scene, ["--weights", scene.path("folder.pth")])
        }, message: { scene in "--weights: folder.pth: is a folder, not a state-dict file (\(scene.path("folder.pth")))" }),
    ]

    // MARK: - Options

    /// Options out of range or naming no format.
    static let optionCases: [BadInput] = [
        BadInput(name: "--epochs -1", status: 64, arguments: { scene in generate(scene, ["--epochs=-1"]) },
                 message: { _ in "The value '-1' is invalid for '--epochs <n>': expected a whole number of 0 or more. (see 'nnreport generate --help')" }),
        BadInput(name: "--lr abc", status: 64, arguments: { scene in generate(scene, ["--lr", "abc"]) },
                 message: { _ in "The value 'abc' is invalid for '--lr <x>' (see 'nnreport generate --help')" }),
        BadInput(name: "--weights with an unknown extension", status: 64, arguments: { scene in
            generate(scene, ["--weights", try scene.fixture("notebook.safetensors", as: "notebook.bin")])
        }, message: { _ in "--weights: notebook.bin: extension '.bin' names no state-dict format (expected .pth, .pt or .safetensors) (see 'nnreport generate --help')" }),
        BadInput(name: "predict --weights without an extension", status: 64, arguments: { scene in
            try predict(scene, weights: try scene.fixture("notebook.safetensors", as: "weights"))
        }, message: { _ in "--weights: weights: has no extension to name its format (expected .pth, .pt or .safetensors) (see 'nnreport predict --help')" }),
        BadInput(name: "--save-weights with an unknown extension", status: 64, arguments: { scene in
            generate(scene, ["--save-weights", scene.path("trained.txt")])
        }, message: { _ in "--save-weights: trained.txt: extension '.txt' names no state-dict format (expected .pth, .pt or .safetensors) (see 'nnreport generate --help')" }),
        BadInput(name: "--save-weights with --epochs 0 and nothing loaded", status: 64, arguments: { scene in
            generate(scene, ["--epochs", "0", "--save-weights", scene.path("trained.pth")])
        }, message: { _ in "--save-weights with --epochs 0 needs --weights: no network is trained, so there is nothing to save (see 'nnreport generate --help')" }),
        BadInput(name: "predict without --images", status: 64, arguments: { scene in
            ["predict", "--weights", try scene.fixture("notebook.safetensors")]
        }, message: { _ in "Missing expected argument '--images <file>' (see 'nnreport predict --help')" }),
    ]

    // MARK: - Output paths

    /// Paths that cannot be written.
    static let outputCases: [BadInput] = [
        BadInput(name: "--save-weights into a missing folder", status: 73, arguments: { scene in
            generate(scene, ["--save-weights", scene.path("no/such/trained.pth")])
        }, message: { scene in "--save-weights: trained.pth: cannot be written: folder \(scene.path("no/such")) does not exist" }),
        BadInput(name: "--save-weights under a file where a folder should be", status: 73, arguments: { scene in
            try scene.write(Data("a file".utf8), "plain")
            return generate(scene, ["--save-weights", scene.path("plain/trained.safetensors")])
        }, message: { scene in "--save-weights: trained.safetensors: cannot be written: \(scene.path("plain")) is not a folder" }),
        BadInput(name: "--save-weights naming a folder", status: 73, arguments: { scene in
            try FileManager.default.createDirectory(atPath: scene.path("weights.pth"), withIntermediateDirectories: true)
            return generate(scene, ["--save-weights", scene.path("weights.pth")])
        }, message: { scene in "--save-weights: weights.pth: cannot be written: \(scene.path("weights.pth")) is a folder" }),
        BadInput(name: "--output under a file where a folder should be", status: 73, arguments: { scene in
            try scene.write(Data("a file".utf8), "plain")
            return ["generate", "--output", scene.path("plain/report"), "--quiet"]
        }, message: { scene in "writing: cannot create output in '\(scene.path("plain/report"))': Not a directory" }),
    ]

    // MARK: - Templates

    /// Templates missing or broken.
    static let templateCases: [BadInput] = [
        BadInput(name: "--templates folder missing", status: 66, arguments: { scene in
            generate(scene, ["--templates", scene.path("no-templates")])
        }, message: { scene in "templates: templates folder '\(scene.path("no-templates"))' does not exist (use --templates DIR to name another)" }),
        BadInput(name: "--templates with a broken template", status: 65, arguments: { scene in
            let templates = scene.folder.appendingPathComponent("templates")
            try FileManager.default.copyItem(at: TemplateSet.shippedFolder(), to: templates)
            let page = templates.appendingPathComponent("page.mustache")
            try (String(contentsOf: page, encoding: .utf8) + "{{#sections}}\n").write(to: page, atomically: true, encoding: .utf8)
            return generate(scene, ["--templates", templates.path])
        }, message: { scene in "templates: template '\(scene.path("templates/page.mustache"))' line " }, prefixOnly: true),
    ]

    @Test func theMatrixHoldsThirtyDistinctCases() {
        #expect(Self.cases.count >= 30)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    @Test(arguments: cases)
    func badInputGivesOneLineAndChangesNothing(_ badInput: BadInput) async throws {
        let folder = try TemporaryFolder("nnreport-bad-input")
        defer { folder.remove() }
        let scene = BadInputScene(folder: folder.url)
        let first = await CommandRun.run(["generate", "--output", scene.output, "--no-timings", "--quiet"])
        try #require(first.status == 0, "the previous report: \(first.stderr)")
        let before = try TemporaryFolder.contents(of: URL(fileURLWithPath: scene.output))
        let arguments = try badInput.arguments(scene)
        let listing = try folder.listing()

        let spy = SpyContent()
        let out = StringSink(), err = StringSink()
        let status = await NNReport.run(arguments: arguments, stdout: out, stderr: err, content: spy)

        let expected = "nnreport: error: " + badInput.message(scene)
        #expect(status == badInput.status, "stderr: \(err.text)")
        if badInput.prefixOnly {
            #expect(err.text.hasPrefix(expected), "stderr: \(err.text)")
        } else {
            #expect(err.text == expected + "\n")
        }
        #expect(err.text.hasSuffix("\n") && err.text.filter { $0 == "\n" }.count == 1, "one line: \(err.text)")
        #expect(out.text == "")
        #expect(!spy.ran, "no section was made")
        #expect(try TemporaryFolder.contents(of: URL(fileURLWithPath: scene.output)) == before, "the previous report is unchanged")
        #expect(try folder.listing() == listing, "nothing was created or removed")
        #expect(!FileManager.default.fileExists(atPath: scene.marker), "nothing of the file ran")
    }
}
