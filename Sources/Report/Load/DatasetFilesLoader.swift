import Foundation

/// The load step: finds the dataset's four IDX files (raw or `.gz`), checks their headers and hashes them.
public enum DatasetFilesLoader {
    /// Loads `name` from `folder` (or the dataset's default folder). Throws `ReportError` with the path.
    public static func load(_ name: DatasetName, from folder: URL?) throws -> LoadedDataset {
        guard let folder = folder ?? name.defaultFolder else {
            throw ReportError.usage("--dataset \(name.rawValue) needs --data-dir DIR, the folder holding its four IDX files")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.datasetFolderMissing(path: folder.path, hint: name.missingFolderHint)
        }
        var urls: [LoadedDataset.Role: URL] = [:]
        var files: [DatasetFile] = []
        for role in LoadedDataset.Role.allCases {
            let url = try locate(role, in: folder)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ReportError.unreadableFile(path: url.path, reason: oneLineDescription(of: error))
            }
            let header = try IDXHeader.read(data, expectedRank: role.holdsImages ? 3 : 1, path: url.path)
            urls[role] = url
            files.append(DatasetFile(name: url.lastPathComponent, bytes: data.count, records: header.dimensions[0],
                                     sha256: SHA256.hexDigest(of: data)))
        }
        return LoadedDataset(name: name, folder: folder, urls: urls, files: files)
    }

    /// The raw file if present, else the `.gz` one.
    private static func locate(_ role: LoadedDataset.Role, in folder: URL) throws -> URL {
        for candidate in [role.rawValue, role.rawValue + ".gz"] {
            let url = folder.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        throw ReportError.datasetFileMissing(folder: folder.path, name: role.rawValue)
    }
}
