import Datasets
import Foundation
import ModelFiles
import NN
import Notebook
import Report

/// Reading `--weights` and writing `--save-weights`: state-dict files in the format their extension names
/// (`.pth`/`.pt`: torch.save checkpoint; `.safetensors`), holding the lesson's 784-128-64-10 network.
public enum WeightsFile {
    /// Reads `path` and recognises the lesson's network in it, in any of its three naming schemes.
    public static func load(path: String, option: String = "--weights") throws(WeightsFileError) -> NotebookWeights {
        let url = try checkedFormat(path: path, option: option)
        let name = url.lastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw WeightsFileError(option: option, message: "\(name): no such file (\(path))", failureKind: .noInput)
        }
        if isFolder.boolValue {
            throw WeightsFileError(option: option, message: "\(name): is a folder, not a state-dict file (\(path))", failureKind: .noInput)
        }
        let stateDict: StateDict
        do {
            stateDict = try StateDict(contentsOf: url)
        } catch {
            if case .unreadable = error.problem {
                throw WeightsFileError(option: option, message: error.description, failureKind: .ioError)
            }
            throw WeightsFileError(option: option, message: error.description, failureKind: .dataError)
        }
        do {
            return try NotebookWeights(stateDict: stateDict.entries, source: name)
        } catch {
            throw WeightsFileError(option: option, message: "\(name): \(error.description)", failureKind: .dataError)
        }
    }

    /// `path` as a URL, once its extension names a state-dict format (else a usage error naming `option`).
    private static func checkedFormat(path: String, option: String) throws(WeightsFileError) -> URL {
        let url = URL(fileURLWithPath: path)
        do {
            _ = try ModelFileFormat(url: url)
        } catch {
            throw WeightsFileError(option: option, message: error.description, failureKind: .usage)
        }
        return url
    }

    /// The reproducibility record of the weights file at `path`, whose tensors `weights` are.
    public static func record(path: String, weights: NotebookWeights, option: String = "--weights") throws(WeightsFileError) -> WeightsFileRecord {
        let url = URL(fileURLWithPath: path)
        do {
            let data = try Data(contentsOf: url)
            return WeightsFileRecord(name: url.lastPathComponent, bytes: data.count, sha256: SHA256.hexDigest(of: data),
                                     keys: weights.scheme.rawValue)
        } catch {
            throw WeightsFileError(option: option, message: "\(url.lastPathComponent): cannot be read: \(error.localizedDescription)",
                                   failureKind: .ioError)
        }
    }

    /// Checks, before any work, that `path` names a state-dict format by its extension (else a usage error) and
    /// a file that can be created: not a folder, in an existing, writable folder.
    public static func checkWritable(path: String, option: String = "--save-weights") throws(WeightsFileError) {
        let url = try checkedFormat(path: path, option: option)
        let name = url.lastPathComponent
        func refuse(_ reason: String) -> WeightsFileError {
            WeightsFileError(option: option, message: "\(name): cannot be written: \(reason)", failureKind: .cannotCreateOutput)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw refuse("\(path) is a folder")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw refuse("folder \(folder) does not exist")
        }
        guard isFolder.boolValue else { throw refuse("\(folder) is not a folder") }
        guard access(folder, W_OK) == 0 else { throw refuse("folder \(folder): \(String(cString: strerror(errno)))") }
    }

    /// Writes `weights` with the indexed Sequential's keys (`0.weight` … `4.bias`) to `path`, replacing it atomically.
    public static func save(_ weights: NotebookWeights, to path: String, option: String = "--save-weights") throws(WeightsFileError) {
        let stateDict = StateDict(uniqueKeysWithValues: weights.stateDict(.indexed))
        do {
            try stateDict.write(to: URL(fileURLWithPath: path))
        } catch {
            let kind: FailureKind = if case .unsupportedExtension = error.problem { .usage } else { .cannotCreateOutput }
            throw WeightsFileError(option: option, message: error.description, failureKind: kind)
        }
    }
}
