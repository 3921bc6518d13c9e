import Foundation
import GongkaiCore
import Hummingbird

/// Answers requests from the live site: files by path (a folder gives its `index.html`), the
/// events stream, the site's `404.html` for anything else. HTML gets the reload script (and
/// the error overlay after a failed build) at response time; every answer has an ETag.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: LiveSite
    let channel: ReloadChannel

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        if rawPath == PreviewHTML.eventsPath { return events() }
        guard let path = RequestPath.resolve(rawPath) else {
            return notFound(request)
        }
        guard site.hasSite else {
            return page(Array(PreviewHTML.errorPage(site.errors).utf8), path: "error.html", status: .serviceUnavailable, request: request)
        }
        if let bytes = site.file(at: path) {
            return page(bytes, path: path, status: .ok, request: request)
        }
        if !path.hasSuffix("/index.html"), site.file(at: path + "/index.html") != nil {
            return Response(status: .movedPermanently, headers: [.location: rawPath + "/"])
        }
        return notFound(request)
    }

    private func notFound(_ request: Request) -> Response {
        let bytes = site.file(at: PagePath.notFound) ?? Array("<!DOCTYPE html><title>404</title><p>Not found</p>".utf8)
        return page(bytes, path: PagePath.notFound, status: .notFound, request: request)
    }

    private func page(_ bytes: [UInt8], path: String, status: HTTPResponse.Status, request: Request) -> Response {
        let type = ContentTypes.of(path)
        var body = bytes
        if type.hasPrefix("text/html") {
            let errors = site.errors
            body = PreviewHTML.inject((errors.isEmpty ? "" : PreviewHTML.overlay(errors)) + PreviewHTML.reloadScript, into: bytes)
        }
        var hash = StableHash()
        hash.combine(body)
        let etag = "\"\(hash.hex)\""
        var headers: HTTPFields = [.contentType: type, .eTag: etag, .cacheControl: "no-cache"]
        if status == .ok, let match = request.headers[.ifNoneMatch],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        guard request.method == .get else { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The server-sent events stream; it stays open until the client goes or the server stops.
    private func events() -> Response {
        let stream = channel.subscribe()
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                for await frame in stream { try await writer.write(ByteBuffer(string: frame)) }
                try await writer.finish(nil)
            }
        )
    }
}
