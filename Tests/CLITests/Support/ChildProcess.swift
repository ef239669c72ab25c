import Foundation

/// A program run to completion as a child process, with what it printed.
struct ChildProcess {
    /// Exit status.
    let status: Int32
    /// Standard output.
    let stdout: String
    /// Standard error.
    let stderr: String

    /// Runs `executable` with `arguments` in `directory` and waits for it.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ChildProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Standard error goes to a file, so that a child filling one pipe while we read the other cannot block.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-child-\(UUID().uuidString).stderr")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile.path])
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ChildProcess(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                            stderr: try String(contentsOf: errorFile, encoding: .utf8))
    }
}
