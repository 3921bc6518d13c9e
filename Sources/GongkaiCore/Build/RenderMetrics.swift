/// Where the render-and-write stage spent its time, summed over the worker threads, and each
/// template's share (Hugo's template metrics): a slow template shows at once.
///
/// Times are thread-seconds: the monotonic time each worker spent in the step, added up over
/// workers. On an otherwise idle machine that is CPU time; a thread CPU clock would be exact
/// but costs a system call (about 2 µs) per reading, more than some pages take to write.
public struct RenderMetrics: Sendable {
    public struct Template: Sendable {
        public var pages = 0
        /// Context building, Markdown and Mustache rendering of the template's pages.
        public var seconds = 0.0
    }

    /// Building contexts, Markdown and templates, all pages.
    public var renderSeconds = 0.0
    /// Handing pages to the publisher (the file system).
    public var writeSeconds = 0.0
    /// By template name.
    public var templates: [String: Template] = [:]
    /// Worker threads that took part.
    public var workers = 0

    public init(workers: Int = 0) { self.workers = workers }

    mutating func add(template: String, render: Double, write: Double) {
        renderSeconds += render
        writeSeconds += write
        templates[template, default: Template()].pages += 1
        templates[template, default: Template()].seconds += render
    }

    mutating func merge(_ other: RenderMetrics) {
        renderSeconds += other.renderSeconds
        writeSeconds += other.writeSeconds
        workers += other.workers
        for (name, metric) in other.templates {
            templates[name, default: Template()].pages += metric.pages
            templates[name, default: Template()].seconds += metric.seconds
        }
    }
}
