import Foundation
import Report
import Testing

/// `nnreport generate` end to end, with fixture content that carries figures and hostile text.
@Suite struct GenerateEndToEndTests {
    /// Runs generate into a fresh folder and returns (folder, output folder, run).
    private func generate(_ extra: [String] = ["--no-timings"]) async throws -> (TemporaryFolder, URL, CommandRun) {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        let run = await CommandRun.run(["generate", "--output", output.path] + extra)
        return (folder, output, run)
    }

    @Test func writesEverySectionInOrderWithATableOfContents() async throws {
        let (folder, output, run) = try await generate()
        defer { folder.remove() }
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "Wrote \(output.path)/index.html (3 sections, 3 figures)\n")
        #expect(run.stderr == "")
        let page = try ReportPage(contentsOf: output.appendingPathComponent("index.html"))
        #expect(page.sectionIDs == FixtureContent.sectionIDs)
        #expect(page.sectionTitles == ["A checkerboard", "Printed outputs", FixtureContent.hostileTitle])
        #expect(page.tocLinks == FixtureContent.sectionIDs + ["reproducibility"])
        #expect(page.html.contains("<section class=\"reproducibility\" id=\"reproducibility\""))
        #expect(try TemporaryFolder.listing(of: output) == [
            "figures/", "figures/checkerboard.png", "figures/gradient.png", "figures/red-square.png", "index.html", "report.json",
        ])
        // Nothing but the output folder remains beside it: no temporary or backup folder.
        #expect(try folder.topLevel() == ["output/"])
    }

    @Test func everyImageIsA2xPNGWithAltTextAndIntrinsicSize() async throws {
        let (folder, output, run) = try await generate()
        defer { folder.remove() }
        #expect(run.status == 0)
        let images = try ReportPage(contentsOf: output.appendingPathComponent("index.html")).images
        #expect(images.map { $0["src"] ?? "" } == ["figures/checkerboard.png", "figures/gradient.png", "figures/red-square.png"])
        #expect(images.map { "\($0["width"] ?? "")x\($0["height"] ?? "")" } == ["28x28", "100x20", "10x10"])
        for image in images {
            let src = try #require(image["src"])
            let data = try Data(contentsOf: output.appendingPathComponent(src))
            #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(src) has no PNG signature")
            let header = try #require(PNGHeader(data), "\(src) has no IHDR")
            #expect(header.width == 2 * (Int(image["width"] ?? "") ?? -1), "\(src): IHDR width is not twice the width attribute")
            #expect(header.height == 2 * (Int(image["height"] ?? "") ?? -1), "\(src): IHDR height is not twice the height attribute")
            #expect(!(image["alt"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty, "\(src) has no alt text")
        }
        #expect(images.first?["alt"] == "Checkerboard of white and grey squares, grey level 65")
    }

    @Test func noHTTPResourceAnywhereInTheOutput() async throws {
        for mode in [["--no-timings"], ["--no-timings", "--self-contained"]] {
            let (folder, output, run) = try await generate(mode)
            defer { folder.remove() }
            #expect(run.status == 0)
            for (path, data) in try TemporaryFolder.contents(of: output) {
                let text = String(decoding: data, as: UTF8.self).lowercased()
                #expect(!text.contains("http://") && !text.contains("https://"), "\(path) (\(mode)) mentions http(s)")
                #expect(!text.contains("//fonts.") && !text.contains("@import"), "\(path) (\(mode)) imports something")
            }
        }
    }

    @Test func reportJSONAgreesWithThePage() async throws {
        let (folder, output, run) = try await generate(["--seed", "7", "--no-timings"])
        defer { folder.remove() }
        #expect(run.status == 0)
        let page = try ReportPage(contentsOf: output.appendingPathComponent("index.html"))
        let document = try JSONDecoder().decode(ReportDocument.self, from: Data(contentsOf: output.appendingPathComponent("report.json")))
        #expect(document.format == 1)
        #expect(document.sections.map(\.id) == page.sectionIDs)
        #expect(document.sections.map(\.title) == page.sectionTitles)
        #expect(document.sections.flatMap(\.outputs).map(\.text) == page.preformatted)
        let figures = document.sections.flatMap(\.figures)
        #expect(figures.map(\.file) == page.images.map { $0["src"] })
        #expect(figures.map(\.name) == ["checkerboard.png", "gradient.png", "red-square.png"])
        #expect(figures.map(\.alt) == page.images.map { $0["alt"] ?? "" })
        #expect(figures.map { "\($0.width)x\($0.height)" } == page.images.map { "\($0["width"] ?? "")x\($0["height"] ?? "")" })
        for figure in figures {
            let file = try #require(figure.file)
            let data = try Data(contentsOf: output.appendingPathComponent(file))
            #expect(figure.sha256 == sha256sum(output.appendingPathComponent(file)), "\(file) digest")
            #expect(data.count > 0)
        }
        #expect(document.reproducibility.seed == 7)
        #expect(page.html.contains("<dt>Seed</dt><dd><code>7</code></dd>"))
        #expect(page.html.contains(document.reproducibility.dataset.digest))
        #expect(document.reproducibility.dataset.files.map(\.records) == [4000, 4000, 1000, 1000])
        #expect(document.sections[0].results["shade"] == .int(64 + 7))
        #expect(document.sections[1].results["probability"] == .double(0.1))
        #expect(document.timings.recorded == false)
        #expect(document.timings.stages.values.allSatisfy { $0 == 0 } && document.timings.total == 0)
        #expect(document.timings.stages.keys.sorted() == ["encoding", "experiments", "figures", "load", "templates"])
    }

    @Test func twoRunsWithTheSameInputsGiveIdenticalBytes() async throws {
        let (first, firstOutput, firstRun) = try await generate()
        defer { first.remove() }
        let (second, secondOutput, secondRun) = try await generate()
        defer { second.remove() }
        #expect(firstRun.status == 0 && secondRun.status == 0)
        let a = try TemporaryFolder.contents(of: firstOutput), b = try TemporaryFolder.contents(of: secondOutput)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between two runs") }
        // A different seed changes the bytes (so the comparison above can fail).
        let (third, thirdOutput, _) = try await generate(["--no-timings", "--seed", "2"])
        defer { third.remove() }
        #expect(try TemporaryFolder.contents(of: thirdOutput)["figures/checkerboard.png"] != a["figures/checkerboard.png"])
    }

    @Test func timingsAreRecordedByDefault() async throws {
        let (folder, output, run) = try await generate([])
        defer { folder.remove() }
        #expect(run.status == 0)
        let document = try JSONDecoder().decode(ReportDocument.self, from: Data(contentsOf: output.appendingPathComponent("report.json")))
        #expect(document.timings.recorded)
        #expect(document.timings.total > 0)
        #expect(document.timings.sections.keys.sorted() == FixtureContent.sectionIDs.sorted())
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<caption>Time taken</caption>"))
        #expect(!html.contains("not recorded"))
    }

    @Test func selfContainedWritesOneHTMLFileWithInlinedFigures() async throws {
        let (folder, output, run) = try await generate(["--no-timings", "--self-contained"])
        defer { folder.remove() }
        #expect(run.status == 0)
        #expect(try TemporaryFolder.listing(of: output) == ["index.html", "report.json"])
        let document = try JSONDecoder().decode(ReportDocument.self, from: Data(contentsOf: output.appendingPathComponent("report.json")))
        #expect(document.sections.flatMap(\.figures).map(\.file) == [nil, nil, nil])
        let images = try ReportPage(contentsOf: output.appendingPathComponent("index.html")).images
        #expect(images.count == 3)
        for image in images {
            let src = try #require(image["src"])
            let prefix = "data:image/png;base64,"
            #expect(src.hasPrefix(prefix))
            let png = try #require(Data(base64Encoded: String(src.dropFirst(prefix.count))))
            let header = try #require(PNGHeader(png))
            #expect(header.width == 2 * (Int(image["width"] ?? "") ?? -1))
        }
    }

    @Test func dynamicTextIsHTMLEscaped() async throws {
        let (folder, output, run) = try await generate()
        defer { folder.remove() }
        #expect(run.status == 0)
        let page = try ReportPage(contentsOf: output.appendingPathComponent("index.html"))
        #expect(!page.html.contains("<script"), "a <script> tag leaked into the page")
        #expect(!page.html.contains("<b>") && !page.html.contains("<em>") && !page.html.contains("<img src=x"))
        #expect(page.html.contains("Escaping &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends"))
        #expect(page.preformatted.contains("<b>not bold</b> & <img src=x onerror=alert(1)>"))
        #expect(page.images.last?["alt"] == "Red square \"quoted\" <alt>")
    }

    @Test func progressLinesOnlyWhenStderrIsATerminal() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("out").path
        let terminal = await CommandRun.run(["generate", "--output", output, "--no-timings"], terminal: true)
        #expect(terminal.stderr == "[1/3] A checkerboard\n[2/3] Printed outputs\n[3/3] \(FixtureContent.hostileTitle)\n")
        let timed = await CommandRun.run(["generate", "--output", output], terminal: true)
        let lines = timed.stderr.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("[1/3] A checkerboard (") && lines[0].hasSuffix(" ms)"))
        let piped = await CommandRun.run(["generate", "--output", output, "--no-timings"], terminal: false)
        #expect(piped.stderr == "")
        let quiet = await CommandRun.run(["generate", "--output", output, "--quiet"], terminal: true)
        #expect(quiet.status == 0 && quiet.stderr == "" && quiet.stdout == "")
    }

    @Test func hiddenFilesOfTheOutputFolderAreKept() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        let first = await CommandRun.run(["generate", "--output", output.path])
        let second = await CommandRun.run(["generate", "--output", output.path])
        #expect(first.status == 0 && second.status == 0)
        #expect(try TemporaryFolder.listing(of: output).contains(".gitkeep"))
        #expect(try folder.topLevel() == ["output/"])
    }
}

/// `sha256sum` of a file, for an independent check of our own SHA-256.
func sha256sum(_ url: URL) -> String {
    guard let run = try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [url.path]) else { return "sha256sum did not start" }
    return run.stdout.split(separator: " ").first.map(String.init) ?? ""
}
