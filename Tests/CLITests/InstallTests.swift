import Foundation
import TestSupport
import Testing

/// `scripts/install.sh` — what `make install PREFIX=…` runs after its release build — puts a working `nnreport`
/// in PREFIX/bin: run from outside the repository, it finds its sample, fonts and templates in PREFIX/lib/nnreport.
@Suite struct InstallTests {
    /// Where SwiftPM built this test runner, and `nnreport` with its resource bundles beside it.
    static let buildFolder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
        .resolvingSymlinksInPath().deletingLastPathComponent()

    @Test func theInstalledToolRunsFromAnyFolderAndNamesAMissingBundle() throws {
        let built = Self.buildFolder.appendingPathComponent("nnreport")
        try #require(FileManager.default.isExecutableFile(atPath: built.path), "\(built.path) is not built (swift build --build-tests builds it)")
        let folder = try TemporaryFolder("nnreport-install")
        defer { folder.remove() }
        let prefix = folder.url.appendingPathComponent("prefix", isDirectory: true)
        let install = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"),
                                           [RepositoryPaths.root.appendingPathComponent("scripts/install.sh").path, prefix.path, Self.buildFolder.path])
        #expect(install.status == 0, "install.sh: \(install.stderr)")
        let lib = prefix.appendingPathComponent("lib/nnreport")
        #expect(try FileManager.default.contentsOfDirectory(atPath: lib.path).sorted()
                == ["nnreport", "nnreport_CairoBackend.resources", "nnreport_Datasets.resources", "nnreport_Report.resources"])

        // From the file system's root, through the link in bin/: the same report as the built tool writes.
        let tool = prefix.appendingPathComponent("bin/nnreport")
        let installedOutput = folder.url.appendingPathComponent("installed"), builtOutput = folder.url.appendingPathComponent("built")
        let root = URL(fileURLWithPath: "/")
        let installed = try ChildProcess.run(tool, ["generate", "--output", installedOutput.path, "--no-timings", "--quiet"], in: root)
        #expect(installed.status == 0, "installed nnreport: \(installed.stderr)")
        _ = try ChildProcess.run(built, ["generate", "--output", builtOutput.path, "--no-timings", "--quiet"], in: root)
        for file in ["index.html", "report.json", "figures/digit.png"] {
            let a = try Data(contentsOf: installedOutput.appendingPathComponent(file)), b = try Data(contentsOf: builtOutput.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between the installed and the built tool")
        }

        // Without its templates bundle the installed tool stops with one line naming what it looked for.
        try FileManager.default.removeItem(at: lib.appendingPathComponent("nnreport_Report.resources"))
        let broken = try ChildProcess.run(tool, ["generate", "--output", folder.url.appendingPathComponent("broken").path], in: root)
        #expect(broken.status == 66)
        #expect(broken.stderr == "nnreport: error: templates: templates folder '\(lib.path)/nnreport_Report.resources/templates' does not exist (use --templates DIR to name another)\n")
    }
}
