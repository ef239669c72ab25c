import Foundation
@testable import Report
import Testing

/// Atomic replacement of the output folder.
@Suite struct AtomicFolderWriterTests {
    private let report = [OutputFile(path: "index.html", data: Data("new".utf8)), OutputFile(path: "report.json", data: Data("{}".utf8)),
                          OutputFile(path: "figures/a.png", data: Data([1, 2, 3]))]

    @Test func createsAndReplacesAnEarlierReport() throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("output")
        try AtomicFolderWriter(target: target).write([OutputFile(path: "report.json", data: Data("old".utf8)), OutputFile(path: "stale.txt", data: Data())])
        try AtomicFolderWriter(target: target).write(report)
        #expect(try entries(target) == ["figures", "index.html", "report.json"])
        #expect(try Data(contentsOf: target.appendingPathComponent("figures/a.png")) == Data([1, 2, 3]))
        #expect(try entries(parent) == ["output"])
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
    }

    @Test func failureWhileWritingLeavesThePreviousReportAndNoTemporaryFolder() throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("output")
        try AtomicFolderWriter(target: target).write(report)
        // The second file needs a folder where the first one put a file: the write fails half-way.
        let conflicting = [OutputFile(path: "report.json", data: Data("x".utf8)), OutputFile(path: "figures", data: Data()),
                           OutputFile(path: "figures/b.png", data: Data())]
        #expect { try AtomicFolderWriter(target: target).write(conflicting) } throws: { error in
            (error as? ReportError)?.failureKind == .ioError
        }
        #expect(try Data(contentsOf: target.appendingPathComponent("index.html")) == Data("new".utf8))
        #expect(try entries(target) == ["figures", "index.html", "report.json"])
        #expect(try entries(parent) == ["output"])
    }

    @Test func failureJustBeforeTheSwapLeavesThePreviousReport() throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("output")
        try AtomicFolderWriter(target: target).write(report)
        var writer = AtomicFolderWriter(target: target)
        var staged: [String] = []
        writer.beforeSwap = { staging in
            staged = try entries(staging)
            #expect(staging.lastPathComponent.hasPrefix(".output.tmp-"))
            #expect(staging.deletingLastPathComponent().standardizedFileURL == parent.standardizedFileURL)
            throw ReportError.writeFailed(path: staging.path, reason: "disk full (simulated)")
        }
        #expect(throws: ReportError.self) { try writer.write([OutputFile(path: "report.json", data: Data("newer".utf8))]) }
        #expect(staged == ["report.json"])
        #expect(try Data(contentsOf: target.appendingPathComponent("index.html")) == Data("new".utf8))
        #expect(try entries(parent) == ["output"])
    }

    @Test func pathsThatLeaveTheFolderAreRefused() throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("output")
        for path in ["../evil", "/etc/evil", "a/../../evil", "", "a//b", "./x"] {
            #expect(throws: ReportError.invalidContent("output path '\(path)' would leave the output folder")) {
                try AtomicFolderWriter(target: target).write([OutputFile(path: path, data: Data())])
            }
        }
        #expect(try entries(parent) == [])
    }

    @Test func hiddenFilesAreCarriedOverAndForeignFoldersRefused() throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent(".gitkeep"))
        try AtomicFolderWriter(target: target).write(report)
        #expect(try entries(target) == [".gitkeep", "figures", "index.html", "report.json"])
        #expect(try Data(contentsOf: target.appendingPathComponent(".gitkeep")) == Data("keep".utf8))

        let foreign = parent.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data().write(to: foreign.appendingPathComponent("cat.jpg"))
        #expect(throws: ReportError.outputNotAReport(path: foreign.path)) { try AtomicFolderWriter(target: foreign).write(report) }
        #expect(try entries(foreign) == ["cat.jpg"])
    }

    @Test func symbolicLinkIsNotReplaced() throws {
        let parent = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let real = parent.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = parent.appendingPathComponent("output")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(throws: ReportError.outputIsNotAFolder(path: link.path)) { try AtomicFolderWriter(target: link).write(report) }
    }
}
