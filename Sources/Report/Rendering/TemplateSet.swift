import BundledFiles
import Foundation
import Mustache

/// The page's Mustache templates and stylesheet, loaded from a folder and checked before any experiment runs.
public struct TemplateSet {
    /// Templates the page needs: the page and its partials.
    public static let requiredTemplates = ["page", "toc", "section", "output", "figure", "reproducibility"]
    /// The stylesheet's file name in the templates folder.
    public static let stylesheetName = "style.css"

    /// The templates nnreport ships (`Sources/Report/Resources/templates` in the repository), in the Report
    /// resource bundle beside the executable (see `BundledFiles`); `--templates DIR` names a customised copy.
    public static func shippedFolder() throws -> URL {
        do {
            return try BundledFiles.url("templates", inBundleOf: "Report")
        } catch let missing as BundledFileMissing {
            throw ReportError.templatesFolderMissing(path: missing.path)
        }
    }

    /// Folder the templates were read from.
    public let folder: URL
    /// The parsed templates.
    let library: MustacheLibrary
    /// The stylesheet's text, inlined into the page.
    let stylesheet: String

    /// Loads and checks every template and the stylesheet of `folder` (nil: the shipped templates); throws
    /// `ReportError` naming the file at fault.
    public static func load(from folder: URL?) async throws -> TemplateSet {
        let folder = try folder ?? shippedFolder()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.templatesFolderMissing(path: folder.path)
        }
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: folder.path)
        } catch let error as MustacheLibrary.ParserError {
            throw ReportError.templateSyntax(file: folder.appendingPathComponent(error.filename).path, line: error.context.lineNumber,
                                             column: error.context.columnNumber, reason: describe(parserError: error.error))
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            throw ReportError.templateMissing(folder: folder.path, name: name + ".mustache")
        }
        let stylesheetURL = folder.appendingPathComponent(stylesheetName)
        guard FileManager.default.fileExists(atPath: stylesheetURL.path) else {
            throw ReportError.templateMissing(folder: folder.path, name: stylesheetName)
        }
        let stylesheet: String
        do {
            stylesheet = try String(contentsOf: stylesheetURL, encoding: .utf8)
        } catch {
            throw ReportError.unreadableFile(path: stylesheetURL.path, reason: oneLineDescription(of: error))
        }
        // Inlined into <style>: a closing tag would end the block early and let the rest leak into the page.
        if stylesheet.range(of: "</style", options: .caseInsensitive) != nil {
            throw ReportError.invalidStylesheet(path: stylesheetURL.path, reason: "contains '</style', which would end the inlined <style> block")
        }
        // The page must work offline: a stylesheet that fetches anything (fonts, images, @import) is refused.
        for pattern in ["url(", "@import"] where stylesheet.range(of: pattern, options: .caseInsensitive) != nil {
            throw ReportError.invalidStylesheet(path: stylesheetURL.path, reason: "contains '\(pattern)'; the page must load nothing from outside")
        }
        return TemplateSet(folder: folder, library: library, stylesheet: stylesheet)
    }

    /// Renders template `name` with `object`; throws if the template is missing (checked at load).
    func render(_ object: Any, template name: String) throws -> String {
        guard let text = library.render(object, withTemplate: name) else {
            throw ReportError.templateMissing(folder: folder.path, name: name + ".mustache")
        }
        return text
    }

    /// Words for swift-mustache's parser errors.
    private static func describe(parserError error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is opened and never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return String(describing: error)
        }
    }
}
