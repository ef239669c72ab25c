import Foundation
import NN
import Report
import TestSupport
import Testing

/// Bad input: each case gives one clear line on stderr, the sysexits status, and leaves the previous report intact.
@Suite struct ExitStatusTests {
    /// Asserts exactly one line on stderr, starting with `start` (which begins `nnreport: error: `), and nothing on stdout.
    private func expectOneErrorLine(_ run: CommandRun, status: Int32, startingWith start: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == status, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix(start), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasSuffix("\n") && run.stderr.dropLast().split(separator: "\n", omittingEmptySubsequences: false).count == 1,
                "more than one line: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout == "", sourceLocation: sourceLocation)
    }

    @Test func unknownDatasetIsAUsageError() async {
        let run = await CommandRun.run(["generate", "--dataset", "cifar10"])
        expectOneErrorLine(run, status: 64, startingWith: "nnreport: error: The value 'cifar10' is invalid for '--dataset <name>'.")
        #expect(run.stderr.contains("'mnist-sample', 'mnist' or 'fashion-mnist'"))
    }

    @Test func seedThatIsNotANumberIsAUsageError() async {
        expectOneErrorLine(await CommandRun.run(["generate", "--seed", "seven"]), status: 64,
                           startingWith: "nnreport: error: The value 'seven' is invalid for '--seed <n>'")
        expectOneErrorLine(await CommandRun.run(["generate", "--seed", "1.5"]), status: 64,
                           startingWith: "nnreport: error: The value '1.5' is invalid for '--seed <n>'")
    }

    @Test func unknownOptionIsAUsageError() async {
        expectOneErrorLine(await CommandRun.run(["generate", "--colour"]), status: 64, startingWith: "nnreport: error: Unknown option '--colour'")
    }

    @Test func fullMNISTWithoutADataFolderIsAUsageError() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = await CommandRun.run(["generate", "--dataset", "mnist", "--output", folder.url.appendingPathComponent("o").path])
        expectOneErrorLine(run, status: 64, startingWith:
            "nnreport: error: the mnist dataset needs the directory that holds its IDX files; name it with --data-dir <dir> (see 'nnreport generate --help')\n")
        #expect(try folder.listing() == [])
    }

    @Test func missingDataFolderIsNoInput() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("no-such-mnist").path
        let run = await CommandRun.run(["generate", "--dataset", "mnist", "--data-dir", missing, "--output", folder.url.appendingPathComponent("o").path])
        expectOneErrorLine(run, status: 66, startingWith: "nnreport: error: load: \(missing): no such directory\n")
        #expect(try folder.listing() == [])
    }

    @Test func missingDatasetFileIsNoInput() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try copyOfTheSample(into: folder)
        try FileManager.default.removeItem(at: data.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        let run = await CommandRun.run(["generate", "--dataset", "mnist", "--data-dir", data.path, "--output", folder.url.appendingPathComponent("o").path])
        expectOneErrorLine(run, status: 66, startingWith: "nnreport: error: load: t10k-labels-idx1-ubyte[.gz] not found in \(data.path)\n")
    }

    @Test func corruptIDXFileIsADataErrorAndKeepsThePreviousReport() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try copyOfTheSample(into: folder)
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        #expect(await CommandRun.run(["generate", "--dataset", "mnist", "--data-dir", data.path, "--output", output.path]).status == 0)
        let before = try TemporaryFolder.contents(of: output)
        // A raw IDX file (preferred over the .gz) whose header declares 4000 labels but holds 3.
        try Data([0, 0, 8, 1, 0, 0, 0x0F, 0xA0, 7, 2, 1]).write(to: data.appendingPathComponent("train-labels-idx1-ubyte"))
        let run = await CommandRun.run(["generate", "--dataset", "mnist", "--data-dir", data.path, "--output", output.path])
        expectOneErrorLine(run, status: 65, startingWith:
            "nnreport: error: load: train-labels-idx1-ubyte: truncated data: header declares 4000 labels (4000 bytes) but 3 remain\n")
        #expect(try TemporaryFolder.contents(of: output) == before)
        // A gzip file cut in half, as by an interrupted download.
        try FileManager.default.removeItem(at: data.appendingPathComponent("train-labels-idx1-ubyte"))
        let gz = data.appendingPathComponent("t10k-images-idx3-ubyte.gz")
        let bytes = try Data(contentsOf: gz)
        try bytes.prefix(bytes.count / 2).write(to: gz)
        let cut = await CommandRun.run(["generate", "--dataset", "mnist", "--data-dir", data.path, "--output", output.path])
        expectOneErrorLine(cut, status: 65, startingWith: "nnreport: error: load: t10k-images-idx3-ubyte.gz: corrupt gzip data at compressed byte ")
        #expect(cut.stderr.hasSuffix(": unexpected end of compressed data\n"), "stderr: \(cut.stderr)")
        #expect(try TemporaryFolder.contents(of: output) == before)
    }

    @Test func outputPathThatIsAFileIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("output")
        try Data("keep me".utf8).write(to: file)
        let run = await CommandRun.run(["generate", "--output", file.path])
        expectOneErrorLine(run, status: 73, startingWith: "nnreport: error: writing: output path '\(file.path)' exists and is not a folder")
        #expect(try Data(contentsOf: file) == Data("keep me".utf8))
        #expect(try folder.listing() == ["output"])
    }

    @Test func unwritableOutputCannotBeCreated() async throws {
        // Root ignores permission bits, so as root the test writes into /sys, which refuses new folders.
        let folder = try TemporaryFolder()
        defer {
            chmod(folder.url.path, 0o755)
            folder.remove()
        }
        let output: String
        if geteuid() == 0 {
            output = "/sys/nnreport-test-output"
        } else {
            let locked = folder.url.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            chmod(locked.path, 0o555)
            output = locked.appendingPathComponent("output").path
        }
        let run = await CommandRun.run(["generate", "--output", output])
        expectOneErrorLine(run, status: 73, startingWith: "nnreport: error: writing: cannot create output in '")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func outputWhoseParentIsMissingCannotBeCreated() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("a/b/output").path
        expectOneErrorLine(await CommandRun.run(["generate", "--output", output]), status: 73,
                           startingWith: "nnreport: error: writing: cannot create output folder: its parent '\(folder.url.appendingPathComponent("a/b").path)' does not exist\n")
        #expect(try folder.listing() == [])
    }

    @Test func foreignFolderIsNotReplaced() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("my notes".utf8).write(to: folder.url.appendingPathComponent("notes.txt"))
        let run = await CommandRun.run(["generate", "--output", folder.url.path])
        expectOneErrorLine(run, status: 73, startingWith: "nnreport: error: writing: output folder '\(folder.url.path)' is not empty and holds no earlier report")
        #expect(try folder.listing() == ["notes.txt"])
    }

    @Test func helpShowsExamplesAndVersionPrintsTheVersion() async {
        let help = await CommandRun.run(["generate", "--help"])
        #expect(help.status == 0 && help.stderr == "")
        #expect(help.stdout.contains("Examples:") && help.stdout.contains("nnreport generate --dataset mnist --data-dir"))
        #expect(help.stdout.contains("--self-contained") && help.stdout.contains("--no-timings") && help.stdout.contains("--templates <dir>"))
        let root = await CommandRun.run(["--help"])
        #expect(root.status == 0 && root.stdout.contains("Exit status (sysexits): 0 success, 64 usage"))
        let version = await CommandRun.run(["--version"])
        #expect(version.status == 0 && version.stdout
                == "nnreport \(BuildInfo.nnreportVersion) (Swift \(BuildInfo.swiftVersion))\nmatrix kernel: \(MatrixKernel.active)\n")
    }

    @Test func aBadKernelChoiceIsAUsageErrorBeforeAnyWork() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output")
        let run = await CommandRun.run(["generate", "--output", output.path, "--quiet"],
                                       kernel: .failure(.unknown("mkl")))
        #expect(run.status == 64)
        #expect(run.stderr == "nnreport: error: NNREPORT_KERNEL=mkl is not one of auto|avx512|avx2|scalar|openblas\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// The embedded sample's four files, copied into `folder/data`.
    private func copyOfTheSample(into folder: TemporaryFolder) throws -> URL {
        let source = RepositoryPaths.root.appendingPathComponent("Sources/Datasets/Resources/mnist-sample")
        let data = folder.url.appendingPathComponent("data", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: data.appendingPathComponent(name))
        }
        return data
    }
}
