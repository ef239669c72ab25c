import Foundation
import Testing
import NN
@testable import Datasets

/// Damaged files of every shape give a typed error or valid data, never a crash.
@Suite struct IDXRobustnessTests {
    @Test func randomlyDamagedFilesNeverCrash() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = Fixture.images(count: 3, rows: 4, cols: 5)
        let originals = [images, Fixture.gzipStored(images, members: 2),
                         Array(try Fixture.sampleFile("t10k-labels-idx1-ubyte.gz"))]
        var generator = Generator(seed: 2024)
        var outcomes = [String: Int]()
        for round in 0..<600 {
            var bytes = originals[round % originals.count]
            // Flip a few bytes, then maybe cut or extend the file.
            for _ in 0..<(1 + generator.nextInt(below: 4)) {
                bytes[generator.nextInt(below: bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
            }
            switch generator.nextInt(below: 3) {
            case 0: bytes = Array(bytes.prefix(generator.nextInt(below: bytes.count + 1)))
            case 1: bytes += [UInt8](repeating: 0x1f, count: generator.nextInt(below: 20))
            default: break
            }
            let path = try directory.write(bytes, to: "fuzz-\(round % 7)")
            do {
                if round % 3 == 2 { _ = try IDXReader.readLabels(path: path) } else { _ = try IDXReader.readImages(path: path) }
                outcomes["ok", default: 0] += 1
            } catch let error as IDXError {
                #expect(error.description.hasPrefix("fuzz-\(round % 7): "), "\(error)")
                outcomes[String(describing: error).prefix { $0 != "(" }.description, default: 0] += 1
            }
        }
        // The damage reaches several distinct checks, not one catch-all.
        #expect(outcomes.count >= 5, "\(outcomes)")
    }

    @Test func hugeFileOnDiskIsRefusedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write([], to: "huge-idx3-ubyte")
        // A sparse 300 MB file: no disk space used, but larger than any IDX file we accept.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 300_000_000)
        try handle.close()
        let error = caughtError(IDXError.self) { try IDXReader.readImages(path: path) }
        #expect(error == .fileTooLarge(file: "huge-idx3-ubyte", bytes: 300_000_000, limit: IDXLimits.maxFileBytes))
        #expect(error?.description == "huge-idx3-ubyte: file is 300000000 bytes, more than the 268435472-byte limit for an IDX file")
    }
}
