public import Foundation
import Hummingbird
import TechTrackerPresent

/// An answer before it becomes a response: status, content type, body and extra headers.
struct DashboardReply: Sendable {
    var status: HTTPResponse.Status
    var contentType: String
    var body: String
    var contentDisposition: String?

    static let htmlType = "text/html; charset=utf-8"
    static let csvType = "text/csv; charset=utf-8"
    static let jsonType = "application/json"

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Self {
        Self(status: status, contentType: htmlType, body: page)
    }

    static func csv(_ text: String, fileName: String) -> Self {
        Self(status: .ok, contentType: csvType, body: text, contentDisposition: "attachment; filename=\"\(fileName)\"")
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Self {
        do {
            let data = try DashboardJSON.encoder().encode(value)
            return Self(status: status, contentType: jsonType, body: String(decoding: data, as: UTF8.self))
        } catch {
            // Cannot happen for the API's types (non-finite numbers are written as strings).
            return Self(
                status: .internalServerError, contentType: jsonType,
                body: #"{"error":"Internal error","message":"The answer could not be encoded.","status":500}"#)
        }
    }

    /// A 4xx (or 5xx) answer: a small HTML page, or `{"error", "message", "status"}` under `/api`.
    static func problem(_ status: HTTPResponse.Status, api: Bool, title: String, message: String) -> Self {
        if api {
            return json(ProblemJSON(status: status.code, error: title, message: message), status: status)
        }
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(status.code) \(escaped(title)) · TechTracker</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;color:#222}</style>
            </head><body><h1>\(status.code) \(escaped(title))</h1><p>\(escaped(message))</p>
            <p><a href="/">The overview</a> · <a href="/method">Method</a></p></body></html>

            """
        return html(page, status: status)
    }

    /// `text` with HTML's special characters escaped.
    static func escaped(_ text: String) -> String {
        HTML.escape(text)
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let contentDisposition { headers[.contentDisposition] = contentDisposition }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// The body of an API error: `{"error": "Not found", "message": "…", "status": 404}`.
public struct ProblemJSON: Codable, Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The status in words.
    public var error: String
    /// What was wrong, naming the parameter or the thing not found.
    public var message: String
}

/// The API's JSON coding: sorted keys, snake-case keys (the export files' column names), and
/// non-finite numbers (a ratio to a best outsider that has no Share) as `"inf"`, `"-inf"`, `"nan"`.
public enum DashboardJSON {
    /// The encoder the API answers with.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// A decoder that reads what `encoder()` writes.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
