import CairoBackend
import Datasets
import Foundation
import Report
import TestSupport
import Testing

/// `nnreport generate` end to end with the notebook's own ten cells and the default training section on the embedded sample:
/// the page's structure, its figures, `report.json` against the page, reproducibility, and the printouts the issue fixes.
@Suite struct NotebookReportTests {
    /// The notebook's section ids, in page order.
    static let sectionIDs = [
        "the-data", "flattening", "network-from-tensors", "softmax-by-hand", "network-module",
        "activation-functions", "relunet", "forward-pass", "sequential", "sequential-named", "losses-and-gradients", "training",
        "optimizers",
    ]

    /// The ids of the sections that only training adds (absent with `--epochs 0`).
    static let trainingSectionIDs: Set = ["losses-and-gradients", "training", "optimizers"]

    /// The figure each section draws (sections without a figure are absent).
    static let figuresBySection = [
        "the-data": ["digit.png"], "softmax-by-hand": ["softmax-sums.png"], "activation-functions": ["activations.png"],
        "forward-pass": ["classify-relunet.png"], "sequential": ["classify-sequential.png"],
        "training": [
            "training-loss.png", "training-accuracy.png", "confusion.png", "test-predictions.png", "classify-before-training.png",
            "classify-after-training.png",
        ],
        "optimizers": ["optimizers-loss.png"],
    ]

    /// Every figure file, sorted.
    static let figureFiles = [
        "activations.png", "classify-after-training.png", "classify-before-training.png", "classify-relunet.png",
        "classify-sequential.png", "confusion.png", "digit.png", "optimizers-loss.png", "softmax-sums.png", "test-predictions.png",
        "training-accuracy.png", "training-loss.png",
    ]

    // MARK: - Running

    /// One generate run of the notebook report into a fresh temporary folder.
    struct Generated {
        let folder: TemporaryFolder
        let output: URL
        let run: CommandRun

        var page: ReportPage { get throws { try ReportPage(contentsOf: output.appendingPathComponent("index.html")) } }
        var document: ReportDocument {
            get throws { try JSONDecoder().decode(ReportDocument.self, from: Data(contentsOf: output.appendingPathComponent("report.json"))) }
        }
    }

    /// Runs `nnreport generate --output <tmp>/output --no-timings --quiet` plus `extra` with the notebook.
    private func generate(_ extra: [String] = []) async throws -> Generated {
        let folder = try TemporaryFolder("nnreport-notebook")
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        let run = await CommandRun.run(["generate", "--output", output.path, "--no-timings", "--quiet"] + extra, fixtures: false)
        return Generated(folder: folder, output: output, run: run)
    }

    // MARK: - Structure

    @Test func theThirteenSectionsAppearInPageOrderEachWithTitleProseAndTimeLine() async throws {
        let generated = try await generate()
        defer { generated.folder.remove() }
        #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
        #expect(generated.run.stdout == "" && generated.run.stderr == "", "--quiet printed something")
        let page = try generated.page
        #expect(page.sectionIDs == Self.sectionIDs)
        #expect(page.tocLinks == Self.sectionIDs + ["reproducibility"])
        let document = try generated.document
        #expect(document.sections.map(\.id) == Self.sectionIDs)
        #expect(page.sectionTitles == document.sections.map(\.title))
        for (number, id) in Self.sectionIDs.enumerated() {
            let section = try #require(page.sectionHTML(id), "no section \(id)")
            let title = try #require(ReportPage.title(inSection: section), "\(id) has no title")
            #expect(!title.trimmingCharacters(in: .whitespaces).isEmpty, "\(id) has an empty title")
            #expect(section.contains("<span class=\"number\">\(number + 1).</span>"), "\(id) is not numbered \(number + 1)")
            let paragraphs = ReportPage.paragraphs(inSection: section)
            #expect(!paragraphs.isEmpty, "\(id) has no paragraph")
            #expect(paragraphs.allSatisfy { $0.count > 20 }, "\(id) has a paragraph of almost nothing: \(paragraphs)")
            #expect(ReportPage.timeLine(inSection: section) == "Time taken: not recorded (--no-timings)", "\(id) time line")
        }
        // The reproducibility block comes after the last section, outside <main>.
        let last = try #require(page.offset(of: "<section class=\"experiment\" id=\"sequential-named\""))
        let mainEnd = try #require(page.offset(of: "</main>"))
        let reproducibility = try #require(page.offset(of: "<section class=\"reproducibility\" id=\"reproducibility\""))
        #expect(last < mainEnd && mainEnd < reproducibility)
    }

    @Test func everyImageIsAFigureFileThatDecodesAtTwiceItsSizeWithAltText() async throws {
        let generated = try await generate()
        defer { generated.folder.remove() }
        #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
        #expect(try TemporaryFolder.listing(of: generated.output)
                == ["figures/"] + Self.figureFiles.map { "figures/\($0)" } + ["index.html", "report.json"])
        let page = try generated.page
        let images = page.images
        #expect(images.map { $0["src"] ?? "" }.sorted() == Self.figureFiles.map { "figures/\($0)" })
        for image in images {
            let src = try #require(image["src"])
            #expect(src.hasPrefix("figures/") && !src.dropFirst("figures/".count).contains("/"), "\(src) is not in figures/")
            let decoded = try PNGDecoder.decode(contentsOf: generated.output.appendingPathComponent(src))
            let width = try #require(Int(image["width"] ?? ""), "\(src) has no width"), height = try #require(Int(image["height"] ?? ""), "\(src) has no height")
            #expect(width > 0 && height > 0)
            #expect(decoded.width == 2 * width && decoded.height == 2 * height,
                    "\(src) decodes to \(decoded.width)x\(decoded.height), not twice \(width)x\(height)")
            #expect((image["alt"] ?? "").trimmingCharacters(in: .whitespaces).count > 20, "\(src) has no real alt text")
            // Not a blank canvas: a drawn figure has many distinct colours.
            var colours = Set<UInt32>()
            for pixel in stride(from: 0, to: decoded.pixels.count, by: 4) {
                colours.insert(UInt32(decoded.pixels[pixel]) << 16 | UInt32(decoded.pixels[pixel + 1]) << 8 | UInt32(decoded.pixels[pixel + 2]))
            }
            #expect(colours.count > 16, "\(src) has only \(colours.count) colours")
        }
        // Each figure sits in the section that draws it.
        for id in Self.sectionIDs {
            let section = try #require(page.sectionHTML(id))
            let sources = ReportPage.matches(#"<img src="figures/([^"]+)""#, in: section).map { $0[0] }
            #expect(sources == Self.figuresBySection[id] ?? [], "figures of \(id)")
        }
    }

    @Test func noHTTPResourceAnywhereInTheOutputFolder() async throws {
        for mode in [[], ["--self-contained"]] {
            let generated = try await generate(mode)
            defer { generated.folder.remove() }
            #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
            let files = try TemporaryFolder.contents(of: generated.output)
            #expect(files.count >= 2)
            for (path, data) in files {
                let text = String(decoding: data, as: UTF8.self).lowercased()
                #expect(!text.contains("http://") && !text.contains("https://"), "\(path) \(mode) mentions http(s)")
            }
        }
    }

    // MARK: - report.json against the page

    @Test func everyOutputOfReportJSONIsPrintedEscapedInItsSection() async throws {
        let generated = try await generate()
        defer { generated.folder.remove() }
        #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
        let page = try generated.page, document = try generated.document
        for section in document.sections {
            let html = try #require(page.sectionHTML(section.id))
            let printed = ReportPage.preformattedMarkup(inSection: html)
            #expect(!section.outputs.isEmpty, "\(section.id) prints nothing")
            #expect(printed == section.outputs.map { ReportPage.escape($0.text) }, "outputs of \(section.id)")
            for output in section.outputs {
                #expect(html.contains("<pre><code>\(ReportPage.escape(output.text))</code></pre>"), "\(section.id): \(output.label)")
                #expect(html.contains("<code>\(ReportPage.escape(output.label))</code>"), "\(section.id): label \(output.label)")
            }
            #expect(section.figures.map(\.name) == Self.figuresBySection[section.id] ?? [], "figures of \(section.id)")
        }
        // Output texts with characters that need escaping really are escaped (ReluNet's "grad_fn=<SelectBackward0>").
        let forward = try #require(page.sectionHTML("forward-pass"))
        #expect(forward.contains("grad_fn=&lt;SelectBackward0&gt;"))
        #expect(!forward.contains("<SelectBackward0>"))
    }

    @Test func reportJSONResultsAgreeWithThePrintedValues() async throws {
        let generated = try await generate()
        defer { generated.folder.remove() }
        #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
        let document = try generated.document
        let sections = Dictionary(uniqueKeysWithValues: document.sections.map { ($0.id, $0) })

        // The data: the label is the tensor printed by print(labels[1]), and it is the batch's label at index 1.
        let data = try #require(sections["the-data"])
        let label = try #require(integer(data.results["label"]))
        #expect(try printed(data, "print(labels[1])") == "tensor(\(label))")
        #expect(integers(data.results["batchLabels"])?.count == 64)
        #expect(integers(data.results["batchLabels"])?[1] == label)
        #expect(integers(data.results["imagesShape"]) == [64, 1, 28, 28] && integers(data.results["labelsShape"]) == [64])
        #expect(try printed(data, "print(type(images)); print(images.shape); print(labels.shape)").hasSuffix("torch.Size([64, 1, 28, 28])\ntorch.Size([64])"))

        // Softmax: 64 sums, each within 1e-6 of 1.
        let softmax = try #require(sections["softmax-by-hand"])
        let sums = try #require(numbers(softmax.results["sums"]))
        #expect(sums.count == 64)
        for (row, sum) in sums.enumerated() { #expect(abs(sum - 1) <= 1e-6, "row \(row) sums to \(sum)") }
        // JSON keeps each Float as its shortest decimal; Float(_:) recovers the exact value the engine computed with.
        #expect(number(softmax.results["maxDeviationFromOne"]) == sums.map { abs(Double(Float($0)) - 1) }.max())
        #expect(try printed(softmax, "print(probabilities.shape)") == "torch.Size([64, 10])")

        // Forward pass: argmax is the printed tensor(k); ten probabilities summing to 1; the bar chart's alt names the top class.
        for id in ["forward-pass", "sequential"] {
            let section = try #require(sections[id])
            let argmax = try #require(integer(section.results["argmax"]))
            #expect(try printed(section, "highest = probabilities.argmax(); print(highest)") == "tensor(\(argmax))")
            let probabilities = try #require(numbers(section.results["probabilities"]))
            #expect(probabilities.count == 10)
            #expect(abs(probabilities.reduce(0, +) - 1) <= 1e-5, "\(id): probabilities sum to \(probabilities.reduce(0, +))")
            #expect(probabilities.allSatisfy { $0 > 0 && $0 < 1 })
            #expect(probabilities.firstIndex(of: probabilities.max()!) == argmax)
            let top = String(format: "%.4f", Double(Float(probabilities[argmax])))
            #expect(try printed(section, "print(probabilities[:, highest])") == "tensor([\(top)], grad_fn=<SelectBackward0>)")
            #expect(section.figures.first?.alt.contains("highest: \(argmax) at ") == true, "\(id) alt: \(section.figures.first?.alt ?? "none")")
        }

        // The module and functional styles agree; the named Sequential's layer is one object.
        #expect(sections["network-module"]?.results["functionalIdentical"] == .bool(true))
        #expect(try printed(try #require(sections["network-module"]), "print(torch.equal(model(inputs), model.forward_functional(inputs)))") == "True")
        #expect(sections["sequential-named"]?.results["sameObject"] == .bool(true))
        #expect(try printed(try #require(sections["sequential-named"]), "print(model[0] is model.input_to_hidden)") == "True")

        // Figures: the digests are the files' SHA-256, and sizes match the PNG.
        for figure in document.sections.flatMap(\.figures) {
            let file = try #require(figure.file)
            let bytes = try Data(contentsOf: generated.output.appendingPathComponent(file))
            #expect(figure.sha256 == SHA256.hexDigest(of: [UInt8](bytes)), "\(file) digest")
            #expect(figure.scale == 2)
            let header = try #require(PNGHeader(bytes))
            #expect(header.width == 2 * figure.width && header.height == 2 * figure.height)
        }

        // Reproducibility: seed 1, the sample's files with the digests of its PROVENANCE.md.
        let reproducibility = document.reproducibility
        #expect(reproducibility.seed == 1)
        #expect(reproducibility.dataset.name == "mnist-sample")
        let provenance = try provenanceTable()
        #expect(reproducibility.dataset.files.map(\.name) == provenance.map(\.name))
        #expect(reproducibility.dataset.files.map(\.sha256) == provenance.map(\.sha256))
        #expect(reproducibility.dataset.files.map(\.records) == [4000, 4000, 1000, 1000])
        let lines = provenance.map { "\($0.sha256)  \($0.name)\n" }.joined()
        #expect(reproducibility.dataset.digest == SHA256.hexDigest(of: Array(lines.utf8)))
        let page = try generated.page
        #expect(page.html.contains("<dt>Seed</dt><dd><code>1</code></dd>"))
        #expect(page.html.contains("<dt>Dataset digest</dt><dd><code class=\"digest\">\(reproducibility.dataset.digest)</code></dd>"))
        for file in provenance { #expect(page.html.contains("<td><code class=\"digest\">\(file.sha256)</code></td>"), "\(file.name)") }
    }

    // MARK: - Reproducibility of the bytes

    @Test func theSameSeedGivesByteIdenticalFoldersAndAnotherSeedChangesThem() async throws {
        let first = try await generate(), second = try await generate(), other = try await generate(["--seed", "2"])
        defer { [first, second, other].forEach { $0.folder.remove() } }
        #expect(first.run.status == 0 && second.run.status == 0 && other.run.status == 0)
        let a = try TemporaryFolder.contents(of: first.output), b = try TemporaryFolder.contents(of: second.output)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.count == Self.figureFiles.count + 2)
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between two runs with seed 1") }
        let c = try TemporaryFolder.contents(of: other.output)
        #expect(c.keys.sorted() == a.keys.sorted())
        #expect(c["index.html"] != a["index.html"], "--seed 2 did not change index.html")
        #expect(c["report.json"] != a["report.json"], "--seed 2 did not change report.json")
        #expect(c["figures/digit.png"] != a["figures/digit.png"], "--seed 2 drew the same digit")
        #expect(try other.document.reproducibility.seed == 2)
        #expect(try other.page.html.contains("<dt>Seed</dt><dd><code>2</code></dd>"))
    }

    @Test func selfContainedGivesOneHTMLFileWithTheSameFiguresAsDataURIs() async throws {
        let inlined = try await generate(["--self-contained"]), separate = try await generate()
        defer { inlined.folder.remove(); separate.folder.remove() }
        #expect(inlined.run.status == 0 && separate.run.status == 0, "stderr: \(inlined.run.stderr)")
        #expect(try TemporaryFolder.listing(of: inlined.output) == ["index.html", "report.json"])
        let images = try inlined.page.images
        let separateImages = try separate.page.images
        #expect(images.count == Self.figureFiles.count)
        #expect(try inlined.document.sections.flatMap(\.figures).allSatisfy { $0.file == nil })
        let prefix = "data:image/png;base64,"
        for (image, twin) in zip(images, separateImages) {
            let src = try #require(image["src"])
            #expect(src.hasPrefix(prefix), "not a data: URI: \(src.prefix(40))")
            let png = try #require(Data(base64Encoded: String(src.dropFirst(prefix.count))), "bad base64 in \(twin["src"] ?? "")")
            let decoded = try PNGDecoder.decode([UInt8](png))
            #expect(decoded.width == 2 * (Int(image["width"] ?? "") ?? -1) && decoded.height == 2 * (Int(image["height"] ?? "") ?? -1))
            #expect(!(image["alt"] ?? "").isEmpty && image["alt"] == twin["alt"])
            // The inlined bytes are exactly the file the folder report writes.
            let file = try Data(contentsOf: separate.output.appendingPathComponent(try #require(twin["src"])))
            #expect(png == file, "inlined \(twin["src"] ?? "") differs from the file")
        }
    }

    // MARK: - Printouts

    @Test func theFourModelsPrintExactlyAsPyTorchPrintsThem() async throws {
        let generated = try await generate()
        defer { generated.folder.remove() }
        #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
        let page = try generated.page, document = try generated.document
        // What real PyTorch printed for each model (Tests/Fixtures/torch-print-reference.json), by section.
        let recorded = try RecordedModulePrintouts.load()
        let expected = try [("network-module", "Network"), ("relunet", "ReluNet"), ("sequential", "SequentialIndexed"),
                            ("sequential-named", "SequentialNamed")].map { id, label in (id, try #require(recorded[label])) }
        for (id, printout) in expected {
            let section = try #require(document.sections.first { $0.id == id })
            #expect(section.outputs.first { $0.label == "print(model)" }?.text == printout, "print(model) in \(id)")
            #expect(section.results["printout"] == .string(printout), "results.printout of \(id)")
            let html = try #require(page.sectionHTML(id))
            #expect(html.contains("<pre><code>\(printout)</code></pre>"), "\(id) does not show the printout verbatim")
        }
        // The layers printed on their own.
        let linear = try #require(recorded["SequentialIndexed[0]"])
        let sequential = try #require(document.sections.first { $0.id == "sequential" })
        #expect(try printed(sequential, "print(model[0])") == linear)
        let weight = try printed(sequential, "print(model[0].weight)")
        // Its digits are checked against PyTorch's own printout for seeds 0, 7 and 123 (TorchNotebookParityTests).
        #expect(weight.hasPrefix("Parameter containing:\ntensor([[") && weight.hasSuffix("requires_grad=True)"))
        #expect(weight.contains("...,"), "a 128x784 weight prints summarised:\n\(weight)")
        let named = try #require(document.sections.first { $0.id == "sequential-named" })
        #expect(try printed(named, "print(model[0]); print(model.input_to_hidden)") == "\(linear)\n\(linear)")
        // ReluNet's first layer's zeroed bias (128 values) prints as PyTorch prints an all-zero tensor: "0." in
        // columns of width 1, 24 to a line; the suffix fits on the short last line.
        let relunet = try #require(document.sections.first { $0.id == "relunet" })
        let zeros = try printed(relunet, "model.input_to_hidden_one.bias.data.fill_(0); print(model.input_to_hidden_one.bias)")
        let row = Array(repeating: "0.", count: 24).joined(separator: ", ")
        let last = Array(repeating: "0.", count: 8).joined(separator: ", ")
        let rows = Array(repeating: row, count: 5) + [last]
        #expect(zeros == "Parameter containing:\ntensor([" + rows.joined(separator: ",\n        ") + "], requires_grad=True)")
    }

    // MARK: - Fashion-MNIST

    @Test(.enabled(if: FileManager.default.fileExists(atPath: DatasetSource.debianFashionMNISTDirectory),
                   "Debian's dataset-fashion-mnist is not installed (\(DatasetSource.debianFashionMNISTDirectory)); apt-get install dataset-fashion-mnist"))
    func fashionMNISTRunNamesGarmentClasses() async throws {
        // No training: 60,000 images an epoch would make this the slowest test by far.
        let generated = try await generate(["--dataset", "fashion-mnist", "--epochs", "0"])
        defer { generated.folder.remove() }
        #expect(generated.run.status == 0, "stderr: \(generated.run.stderr)")
        let document = try generated.document
        #expect(document.sections.map(\.id) == Self.sectionIDs.filter { !Self.trainingSectionIDs.contains($0) })
        #expect(document.reproducibility.dataset.name == "fashion-mnist")
        #expect(document.reproducibility.dataset.files.map(\.records) == [60000, 60000, 10000, 10000])
        let garments = DatasetKind.fashionMNISTClassNames
        let page = try generated.page
        for id in ["forward-pass", "sequential"] {
            let section = try #require(document.sections.first { $0.id == id })
            let argmax = try #require(integer(section.results["argmax"]))
            let figure = try #require(section.figures.first)
            #expect(figure.alt.contains("highest: \(garments[argmax]) at "), "\(id) alt: \(figure.alt)")
            #expect(page.images.contains { $0["alt"] == figure.alt })
        }
        let data = try #require(document.sections.first)
        let label = try #require(integer(data.results["label"]))
        #expect(data.results["labelName"] == .string(garments[label]))
        #expect(data.figures.first?.caption.contains("(\(garments[label]))") == true)
    }

    // MARK: - Helpers

    /// The text printed under `label` in a section of report.json.
    private func printed(_ section: ReportDocument.SectionDocument, _ label: String) throws -> String {
        try #require(section.outputs.first { $0.label == label }?.text, "\(section.id) has no output labelled \(label)")
    }

    /// The rows of the sample's PROVENANCE.md table (read from the repository, independently of the code under test).
    private func provenanceTable() throws -> [(name: String, sha256: String)] {
        let url = RepositoryPaths.root.appendingPathComponent("Sources/Datasets/Resources/mnist-sample/PROVENANCE.md")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("-ubyte.gz") }
        let cells = rows.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        return cells.map { ($0[0], $0[2]) }
    }
}

// MARK: - Reading JSON values

/// An integer result.
private func integer(_ value: JSONValue?) -> Int? {
    if case let .int(number)? = value { return number }
    return nil
}

/// A number result (JSON does not keep 1.0 apart from 1).
private func number(_ value: JSONValue?) -> Double? {
    switch value {
    case let .int(number)?: return Double(number)
    case let .double(number)?: return number
    default: return nil
    }
}

/// A list of integers.
private func integers(_ value: JSONValue?) -> [Int]? {
    guard case let .array(items)? = value else { return nil }
    let values = items.compactMap(integer)
    return values.count == items.count ? values : nil
}

/// A list of numbers.
private func numbers(_ value: JSONValue?) -> [Double]? {
    guard case let .array(items)? = value else { return nil }
    let values = items.compactMap(number)
    return values.count == items.count ? values : nil
}
