import GongkaiCore

/// What the preview adds to HTML responses, at response time only: the reload script, and the
/// error overlay while the last build failed. Built files never contain either.
enum PreviewHTML {
    static let eventsPath = "/__gongkai/events"

    /// Listens on the events stream and reloads the page after a rebuild.
    static let reloadScript = """
    <script>(function(){var s=new EventSource("\(eventsPath)");s.addEventListener("reload",function(){location.reload();});})();</script>
    """

    /// The build error over the last good page: file, line and message of each problem.
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.prefix(50).map { diagnostic in
            "<li><code>\(escape(diagnostic.path)):\(diagnostic.line):\(diagnostic.column)</code> \(escape(diagnostic.message))</li>"
        }.joined()
        let more = diagnostics.count > 50 ? "<p>… and \(diagnostics.count - 50) more</p>" : ""
        return """
        <div id="gongkai-error" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        background:rgba(20,20,20,.92);color:#fff;font:15px/1.6 system-ui,sans-serif;padding:2em">\
        <h1 style="color:#ff8a80;font-size:1.4em">构建失败 Build failed</h1>\
        <p>The site below is the last good build. Fix the file and save: the page reloads by itself.</p>\
        <ul style="font-family:monospace">\(items)</ul>\(more)</div>
        """
    }

    /// A whole page for when there is no good build yet.
    static func errorPage(_ diagnostics: [Diagnostic]) -> String {
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body>"
            + overlay(diagnostics) + "</body></html>"
    }

    /// Inserts `extra` before `</body>`, or at the end when there is none.
    static func inject(_ extra: String, into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        var index = html.count - marker.count
        while index >= 0 {
            if html[index] == marker[0], Array(html[index..<index + marker.count]) == marker {
                return Array(html[..<index]) + Array(extra.utf8) + Array(html[index...])
            }
            index -= 1
        }
        return html + Array(extra.utf8)
    }
}
