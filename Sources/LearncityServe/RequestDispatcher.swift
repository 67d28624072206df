import Foundation
import JSONRPC
import LearncityReport
import LearningCities

/// Runs JSON-RPC requests against a live index: finds the method's handler,
/// decodes its params (with the same Codable request types the CLI uses),
/// moves the index to its latest revision and runs it. Every failure comes
/// back as a `JSONRPCError`; nothing a client sends can make it trap.
/// One per thread: it holds an open index (see `IndexReader`).
public final class RequestDispatcher: JSONRPCMethods {
    /// A method: params in, a Codable result out.
    public typealias Handler = (JSONValue?) throws -> any Encodable & Sendable

    /// The index served.
    public let index: LiveIndex
    /// True once `shutdown` was called.
    public private(set) var shutdownRequested = false
    private var handlers: [String: Handler] = [:]

    /// A dispatcher over `index`.
    public init(index: LiveIndex) {
        self.index = index
        register()
    }

    /// The method names served.
    public var methods: [String] { handlers.keys.sorted() }

    /// The methods that only read the index: a server may run them side by
    /// side, each thread with its own dispatcher (and so its own open index).
    /// Every other method (`upsert`, `delete`, `shutdown`) must run alone.
    public static let readMethods: Set<String> = ["search", "recommend", "compare", "city", "cities", "stats", "report", "version"]

    /// Runs one request.
    public func dispatch(_ request: JSONRPCRequest) -> Result<any Encodable & Sendable, JSONRPCError> {
        guard let handler = handlers[request.method] else {
            return .failure(JSONRPCError(.methodNotFound,
                                         "method not found: '\(request.method)' (methods: \(methods.joined(separator: ", ")))"))
        }
        do {
            return .success(try handler(request.params))
        } catch {
            return .failure(ServeErrorWording.rpcError(for: error))
        }
    }

    // MARK: Methods

    private func register() {
        handlers["search"] = { [unowned self] params in
            let request = try Self.decode(SearchRequest.self, from: params,
                                          allowed: ["query", "limit", "offset", "type", "country", "city", "lang", "facets", "snippets"])
            return try Searcher(index: try index.current()).search(request)
        }
        handlers["recommend"] = { [unowned self] params in
            let request = try Self.decode(RecommendRequest.self, from: params,
                                          allowed: ["city", "text", "limit", "other_countries", "country", "region", "theme",
                                                    "include_non_members", "lang"])
            return try PartnerRecommender(index: try index.current()).recommend(request)
        }
        handlers["compare"] = { [unowned self] params in
            let request = try Self.decode(CompareRequest.self, from: params, allowed: ["a", "b", "lang"])
            return try PartnerRecommender(index: try index.current()).compare(request)
        }
        handlers["city"] = { [unowned self] params in
            let request = try Self.decode(CityRequest.self, from: params, allowed: ["city", "limit", "offset"])
            return try CityCatalog(index: try index.current()).detail(of: request.city, limit: request.limit,
                                                                        offset: request.offset)
        }
        handlers["cities"] = { [unowned self] params in
            let request = try Self.decode(CityListRequest.self, from: params, allowed: ["country"])
            return try CityCatalog(index: try index.current()).list(country: request.country)
        }
        handlers["report"] = { [unowned self] params in
            let request = try Self.decode(ReportRequest.self, from: params, allowed: ["city", "lang", "limit"])
            guard (1...20).contains(request.limit) else { throw JSONRPCError.invalidParam("limit", "must be between 1 and 20") }
            var language: ReportLanguage?
            if let lang = request.lang {
                guard let parsed = ReportLanguage(rawValue: lang) else { throw JSONRPCError.invalidParam("lang", "must be vi or en, not '\(lang)'") }
                language = parsed
            }
            let report = try PartnerReportBuilder(index: try index.current())
                .build(city: request.city, language: language, limit: request.limit,
                       command: "learncity serve (report \(request.city))")
            return ReportResult(city: report.city.id, lang: report.language.rawValue, partners: report.partners.map(\.city.id),
                                html: PartnerReportPage(report: report).render())
        }
        handlers["stats"] = { [unowned self] params in
            _ = try Self.decode(EmptyParams.self, from: params, allowed: [])
            return try IndexStatistics.read(from: try index.current())
        }
        handlers["upsert"] = { [unowned self] params in
            let request = try Self.decode(UpsertRequest.self, from: params, allowed: ["documents"])
            let reader = try index.current()
            let documents = try Self.validate(request.documents, knownCities: Set(reader.cities.all.map(\.id)))
            let outcome = try IndexUpdater(path: index.path).upsert(documents)
            try reader.refresh()
            return UpsertResult(committed: true, added: outcome.added, updated: outcome.updated, documents: outcome.documents)
        }
        handlers["delete"] = { [unowned self] params in
            let request = try Self.decode(DeleteRequest.self, from: params, allowed: ["ids"])
            guard !request.ids.isEmpty else { throw JSONRPCError.invalidParam("ids", "must list at least one document id") }
            let reader = try index.current()
            let outcome = try IndexUpdater(path: index.path).delete(ids: request.ids)
            try reader.refresh()
            return DeleteResult(committed: true, deleted: outcome.deleted, missing: outcome.missing, documents: outcome.documents)
        }
        handlers["version"] = { params in
            _ = try Self.decode(EmptyParams.self, from: params, allowed: [])
            return VersionResult(version: LearncityVersion.current)
        }
        handlers["shutdown"] = { [unowned self] params in
            _ = try Self.decode(EmptyParams.self, from: params, allowed: [])
            shutdownRequested = true
            return ShutdownResult(shuttingDown: true)
        }
    }

    /// The most documents one `upsert` may carry.
    public static let maxUpsertDocuments = 10_000

    /// Validates upserted documents with the corpus rules (`DocumentRecord`),
    /// known city ids and unique ids; the first problem names `documents[i]`.
    static func validate(_ values: [JSONValue], knownCities: Set<String>) throws -> [SourceDocument] {
        guard !values.isEmpty else { throw JSONRPCError.invalidParam("documents", "must list at least one document") }
        guard values.count <= maxUpsertDocuments else {
            throw JSONRPCError.invalidParam("documents", "holds \(values.count) documents; send at most \(maxUpsertDocuments) per call")
        }
        var documents: [SourceDocument] = []
        var seen: [String: Int] = [:]
        for (position, value) in values.enumerated() {
            let name = "documents[\(position)]"
            guard case .object = value,
                  let object = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any] else {
                throw JSONRPCError.invalidParam(name, "must be a JSON object like a line of a corpus documents file, got \(value.kindDescription)")
            }
            switch DocumentRecord.parse(object) {
            case .failure(let problem):
                throw JSONRPCError.invalidParam(name, problem.reason)
            case .success(let document):
                if let first = seen[document.id] {
                    throw JSONRPCError.invalidParam(name, "duplicate id '\(document.id)' (also documents[\(first)])")
                }
                if let unknown = document.cities?.first(where: { !knownCities.contains($0) }) {
                    throw JSONRPCError.invalidParam(name, "unknown city id '\(unknown)' in 'cities'")
                }
                seen[document.id] = position
                documents.append(document)
            }
        }
        return documents
    }

    // MARK: Params

    /// Params of methods that take none.
    private struct EmptyParams: Decodable {}

    /// Decodes `params` (absent means `{}`) into `type`, rejecting params it
    /// does not know and explaining type errors by param name.
    static func decode<P: Decodable>(_ type: P.Type, from params: JSONValue?, allowed: Set<String>) throws -> P {
        let members: [String: JSONValue]
        switch params {
        case nil: members = [:]
        case .object(let object)?: members = object
        case let other?:
            throw JSONRPCError(.invalidParams, "invalid params: expected an object of named params, got \(other.kindDescription)")
        }
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            let known = allowed.isEmpty ? "this method takes no params" : "known params: \(allowed.sorted().joined(separator: ", "))"
            throw JSONRPCError.invalidParam(unknown, "not a param of this method (\(known))")
        }
        do {
            return try JSONDecoder().decode(P.self, from: try JSONEncoder().encode(JSONValue.object(members)))
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    /// A readable invalid-params error for a decoding failure.
    static func describe(_ error: DecodingError) -> JSONRPCError {
        func path(_ codingPath: [CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type: return "a whole number (within 64 bits)"
            case is Double.Type: return "a number"
            case is Bool.Type: return "true or false"
            case is String.Type: return "a string"
            case is [String].Type: return "an array of strings"
            default: return String(describing: type).hasPrefix("Array") ? "an array" : "of the right type"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return JSONRPCError.invalidParam(path(context.codingPath + [key]), "missing (it is required)")
        case .typeMismatch(let type, let context):
            return JSONRPCError.invalidParam(path(context.codingPath), "must be \(kind(type))")
        case .valueNotFound(let type, let context):
            return JSONRPCError.invalidParam(path(context.codingPath), "must be \(kind(type)), not null")
        case .dataCorrupted(let context):
            let name = path(context.codingPath)
            return name.isEmpty ? JSONRPCError(.invalidParams, "invalid params: \(context.debugDescription)")
                : JSONRPCError.invalidParam(name, context.debugDescription)
        @unknown default:
            return JSONRPCError(.invalidParams, "invalid params: \(error)")
        }
    }
}
