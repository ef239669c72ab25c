import Foundation
import Report
import TestSupport
import Testing

/// A broken or missing template fails with the file and position, and leaves the previous report byte-identical.
@Suite struct TemplateFailureTests {
    /// A folder with a first report in `output/` and a copy of the templates in `templates/`.
    private func setUp() async throws -> (TemporaryFolder, output: URL, templates: URL, before: [String: Data]) {
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        let templates = folder.url.appendingPathComponent("templates", isDirectory: true)
        try FileManager.default.copyItem(at: TemplateSet.shippedFolder(), to: templates)
        let first = await CommandRun.run(["generate", "--output", output.path, "--templates", templates.path])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        return (folder, output, templates, try TemporaryFolder.contents(of: output))
    }

    /// Nothing but `output/` and `templates/` in the folder: no temporary or backup folder left behind.
    private func expectNoLeftovers(_ folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let top = try folder.topLevel()
        #expect(top == ["output/", "templates/"], sourceLocation: sourceLocation)
    }

    @Test func brokenTemplateIsADataErrorAndKeepsThePreviousReport() async throws {
        let (folder, output, templates, before) = try await setUp()
        defer { folder.remove() }
        let section = templates.appendingPathComponent("section.mustache")
        try (String(contentsOf: section, encoding: .utf8) + "{{#blocks}}\n<p>unclosed</p>\n").write(to: section, atomically: true, encoding: .utf8)
        let run = await CommandRun.run(["generate", "--output", output.path, "--templates", templates.path])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("nnreport: error: templates: template '\(section.path)' line "))
        #expect(run.stderr.hasSuffix("a section is opened and never closed\n"))
        #expect(try TemporaryFolder.contents(of: output) == before)
        try expectNoLeftovers(folder)
    }

    @Test func missingTemplateIsNoInput() async throws {
        let (folder, output, templates, before) = try await setUp()
        defer { folder.remove() }
        try FileManager.default.removeItem(at: templates.appendingPathComponent("figure.mustache"))
        let run = await CommandRun.run(["generate", "--output", output.path, "--templates", templates.path])
        #expect(run.status == 66)
        #expect(run.stderr == "nnreport: error: templates: template 'figure.mustache' is missing in '\(templates.path)'\n")
        #expect(try TemporaryFolder.contents(of: output) == before)
        try expectNoLeftovers(folder)
    }

    @Test func stylesheetThatLoadsFromOutsideIsRefused() async throws {
        let (folder, output, templates, before) = try await setUp()
        defer { folder.remove() }
        let css = templates.appendingPathComponent("style.css")
        try (String(contentsOf: css, encoding: .utf8) + "\nbody { background: url(https://example.invalid/x.png); }\n").write(to: css, atomically: true, encoding: .utf8)
        let run = await CommandRun.run(["generate", "--output", output.path, "--templates", templates.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("contains 'url('; the page must load nothing from outside"))
        #expect(try TemporaryFolder.contents(of: output) == before)
        try expectNoLeftovers(folder)
    }

    @Test func customisedTemplatesAreUsed() async throws {
        let (folder, output, templates, _) = try await setUp()
        defer { folder.remove() }
        let page = templates.appendingPathComponent("page.mustache")
        let customised = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>Custom: {{title}}</h1>")
        try customised.write(to: page, atomically: true, encoding: .utf8)
        #expect(await CommandRun.run(["generate", "--output", output.path, "--templates", templates.path]).status == 0)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("<h1>Custom: Neural networks"))
    }

    @Test func missingTemplatesFolderIsNoInput() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("nope").path
        let run = await CommandRun.run(["generate", "--output", folder.url.appendingPathComponent("o").path, "--templates", missing])
        #expect(run.status == 66)
        #expect(run.stderr == "nnreport: error: templates: templates folder '\(missing)' does not exist (use --templates DIR to name another)\n")
    }
}
