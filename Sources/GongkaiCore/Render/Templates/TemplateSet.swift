import Foundation
import Mustache

/// The templates and static assets a site renders with: the user's `Templates/` folder over the
/// defaults built into the binary, so a project with only `Content/` still builds.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// The same templates compiled for `TemplateRenderer`; nil when one of them uses something
    /// only swift-mustache renders (see `CompiledTemplate`).
    let compiled: [String: CompiledTemplate]?
    /// Where the template that keeps the set on swift-mustache's renderer comes from, if one does.
    public let uncompiled: String?
    /// Template name → where it came from (`Templates/record.mustache` or `built-in`).
    public let origins: [String: String]
    /// Template name → fingerprint of its text, so a rebuild knows which pages a template edit touches.
    public let fingerprints: [String: String]
    /// Static files copied to the output as they are, by output path (`assets/style.css`).
    public let assets: [String: Data]

    /// Loads `Templates/` (if any) over `BuiltinTemplates`.
    public static func load(from folder: URL, project: Project) throws -> TemplateSet {
        var texts: [String: (text: String, origin: String)] = [:]
        for (name, text) in BuiltinTemplates.templates { texts[name] = (text, "built-in") }
        var assets: [String: Data] = [:]
        for (path, text) in BuiltinTemplates.assets { assets[path] = Data(text.utf8) }

        let fm = FileManager.default
        if let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
                let path = project.relativePath(url)
                if relative.hasSuffix(".mustache"), !relative.contains("/") {
                    texts[String(relative.dropLast(".mustache".count))] = (try SourceFile.read(url, as: path).text, path)
                } else if relative.hasPrefix("assets/") {
                    assets[relative] = try Data(contentsOf: url)
                }
            }
        }
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        var fingerprints: [String: String] = [:]
        for (name, source) in texts {
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw Diagnostic(path: source.origin, line: error.context.lineNumber, column: error.context.columnNumber,
                                 message: "template error: \(error.error)")
            }
            origins[name] = source.origin
            fingerprints[name] = StableHash.hex(of: source.text)
        }
        for required in BuiltinTemplates.templates.keys where library.getTemplate(named: required) == nil {
            throw Diagnostic(path: "Templates/\(required).mustache", message: "template is missing")
        }
        var compiled: [String: CompiledTemplate]? = [:]
        var uncompiled: String?
        for name in texts.keys.sorted() {
            guard let template = library.getTemplate(named: name).flatMap(CompiledTemplate.compiled) else {
                (compiled, uncompiled) = (nil, origins[name])
                break
            }
            compiled?[name] = template
        }
        return TemplateSet(library: library, compiled: compiled, uncompiled: uncompiled,
                           origins: origins, fingerprints: fingerprints, assets: assets)
    }

    /// Renders `context` with the named template, as UTF-8.
    public func render(_ context: TemplateObject, template: String) -> [UInt8] {
        if let compiled { return TemplateRenderer.render(template, context: context, templates: compiled) }
        return Array(renderWithMustache(context, template: template).utf8)
    }

    /// Renders with swift-mustache's own renderer.
    public func renderWithMustache(_ context: TemplateObject, template: String) -> String {
        library.render(TemplateValue.object(context).mustacheValue, withTemplate: template) ?? ""
    }
}
