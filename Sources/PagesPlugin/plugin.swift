import Foundation
import PackagePlugin

/// Builds a target's route table from its `pages/` folder, as `next build` does: every
/// `pages/**/*.swift` is a page whose file path is its route (`pages/posts/[id].swift` →
/// `/posts/[id]`). The target must exclude `pages` (the files are compiled through links with
/// unique names, since two `index.swift` or `[id].swift` cannot compile in one target).
@main
struct PagesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let root = target.directoryURL
        let pagesDir = root.appendingPathComponent("pages")
        guard FileManager.default.fileExists(atPath: pagesDir.path) else {
            Diagnostics.error("PagesPlugin: target '\(target.name)' has no pages/ folder at \(pagesDir.path)")
            return []
        }
        if target.sourceFiles(withSuffix: "swift").contains(where: { $0.url.path.hasPrefix(pagesDir.path + "/") }) {
            Diagnostics.error("PagesPlugin: add `exclude: [\"pages\"]` to target '\(target.name)' in Package.swift (page files are compiled through PagesPlugin, under unique names)")
            return []
        }
        var pages: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: pagesDir.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") { pages.append("pages/" + path) }
        }
        pages.sort()

        let tool = try context.tool(named: "PagesGen")
        let outputDir = context.pluginWorkDirectoryURL
        let linkDir = outputDir.appendingPathComponent("pages")
        let links = pages.map { linkDir.appendingPathComponent($0.replacingOccurrences(of: "/", with: "+")) }
        let table = outputDir.appendingPathComponent("PageRoutes.generated.swift")
        // One command for all pages: on a new plan SwiftPM re-runs every command.
        return [
            .buildCommand(
                displayName: "PagesPlugin: route table for \(target.name) (\(pages.count) pages)",
                executable: tool.url,
                arguments: ["--root", root.path, "--output", table.path, "--link-dir", linkDir.path] + pages,
                inputFiles: pages.map { root.appendingPathComponent($0) },
                outputFiles: [table] + links)
        ]
    }
}
