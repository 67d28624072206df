import Foundation

/// Validates one JSON object of `cities.jsonl` into a `City`, with messages that name the field.
enum CityRecord {
    static func parse(_ object: [String: Any]) -> Result<City, FieldError> {
        let fields = JSONFields(object)
        do {
            let id = try fields.requiredString("id")
            guard id.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                return .failure(FieldError(reason: "field 'id' must be a lower-case slug like 'vn-son-la', got '\(id)'"))
            }
            let name = try fields.requiredString("name")
            let country = try fields.requiredString("country")
            guard CountryCode.isValid(country) else {
                return .failure(FieldError(reason: "field 'country' must be an ISO 3166-1 alpha-2 code like 'VN', got '\(country)'"))
            }
            var city = City(id: id, name: name.precomposedStringWithCanonicalMapping, country: country)
            city.aliases = try fields.stringArray("aliases")?.map { $0.precomposedStringWithCanonicalMapping }
            city.region = try fields.string("region")
            city.joined = try fields.integer("joined")
            city.lat = try fields.number("lat")
            city.lon = try fields.number("lon")
            city.population = try fields.integer("population")
            city.summary = try fields.string("summary")
            city.awards = try fields.integerArray("awards")
            city.formerNames = try fields.stringArray("former_names")?.map { $0.precomposedStringWithCanonicalMapping }
            city.statusNote = try fields.string("status_note")
            city.memberBy = try fields.integer("member_by")
            if let raw = try fields.string("status") {
                guard let status = MembershipStatus(rawValue: raw) else {
                    let known = MembershipStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    return .failure(FieldError(reason: "field 'status' must be one of \(known), got '\(raw)'"))
                }
                city.status = status
                guard let source = try fields.string("status_source"),
                      !source.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return .failure(FieldError(reason: "field 'status_source' (the URL that gives the status) is missing"))
                }
                city.statusSource = source
                if status == .member, city.joined == nil, city.memberBy == nil {
                    return .failure(FieldError(reason: "a member needs 'joined' (or 'member_by' when no source gives the year)"))
                }
            } else if fields.object["status_source"] != nil {
                return .failure(FieldError(reason: "field 'status_source' without 'status'"))
            }
            if let lat = city.lat, !(-90...90).contains(lat) { return .failure(FieldError(reason: "field 'lat' out of range: \(lat)")) }
            if let lon = city.lon, !(-180...180).contains(lon) { return .failure(FieldError(reason: "field 'lon' out of range: \(lon)")) }
            return .success(city)
        } catch {
            return .failure(error)
        }
    }
}

/// Validates one JSON object of a documents `*.jsonl` file into a `SourceDocument`
/// (also used for documents sent to `upsert`).
public enum DocumentRecord {
    /// The document in `object`, or the first field that breaks the corpus rules.
    public static func parse(_ object: [String: Any]) -> Result<SourceDocument, FieldError> {
        let fields = JSONFields(object)
        do {
            let id = try fields.requiredString("id")
            let body = try fields.requiredString("body")
            var type = DocumentType.news
            if let raw = try fields.string("type") {
                guard let parsed = DocumentType(rawValue: raw) else {
                    return .failure(FieldError(reason: "field 'type' must be profile, initiative or news, got '\(raw)'"))
                }
                type = parsed
            }
            var document = SourceDocument(id: id, type: type, title: try fields.string("title") ?? "", body: body)
            document.cities = try fields.stringArray("cities")
            if let date = try fields.string("date") {
                guard DateField.isValid(date) else {
                    return .failure(FieldError(reason: "field 'date' must be YYYY-MM-DD or YYYY, got '\(date)'"))
                }
                document.date = date
            }
            if let raw = try fields.string("lang") {
                guard let lang = DocumentLanguage(rawValue: raw) else {
                    return .failure(FieldError(reason: "field 'lang' must be vi or en, got '\(raw)'"))
                }
                document.lang = lang
            }
            document.source = try fields.string("source")
            document.themes = try fields.stringArray("themes")
            return .success(document)
        } catch {
            return .failure(error)
        }
    }
}

/// `YYYY-MM-DD` (a real calendar date) or `YYYY`.
enum DateField {
    /// The year of a valid date.
    static func year(of date: String?) -> Int? {
        guard let date, date.utf8.count >= 4 else { return nil }
        return Int(date.prefix(4))
    }

    static func isValid(_ date: String) -> Bool {
        if date.range(of: #"^[0-9]{4}$"#, options: .regularExpression) != nil { return true }
        guard date.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return false }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return false }
        let leap = parts[0] % 4 == 0 && (parts[0] % 100 != 0 || parts[0] % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        return (1...days).contains(parts[2])
    }
}

/// A field-level problem in a JSON object.
public struct FieldError: Error {
    /// What is wrong, naming the field.
    public var reason: String
}

/// Typed access to the fields of a JSON object, with readable errors.
struct JSONFields {
    let object: [String: Any]

    init(_ object: [String: Any]) {
        self.object = object
    }

    func requiredString(_ key: String) throws(FieldError) -> String {
        guard let value = object[key], !(value is NSNull) else { throw FieldError(reason: "missing required field '\(key)'") }
        guard let string = value as? String else { throw FieldError(reason: "field '\(key)' must be a string") }
        // Not empty once trimmed: some scalar is not white space (without copying a whole body to trim it).
        let blank = CharacterSet.whitespacesAndNewlines
        guard string.unicodeScalars.contains(where: { !blank.contains($0) }) else {
            throw FieldError(reason: "field '\(key)' is empty")
        }
        return string
    }

    func string(_ key: String) throws(FieldError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else { throw FieldError(reason: "field '\(key)' must be a string") }
        return string
    }

    func stringArray(_ key: String) throws(FieldError) -> [String]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let array = value as? [Any], let strings = array as? [String] else {
            throw FieldError(reason: "field '\(key)' must be an array of strings")
        }
        return strings
    }

    func number(_ key: String) throws(FieldError) -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard !(value is String), !(value is Bool), let number = value as? NSNumber else {
            throw FieldError(reason: "field '\(key)' must be a number")
        }
        return number.doubleValue
    }

    func integer(_ key: String) throws(FieldError) -> Int? {
        guard let number = try number(key) else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else {
            throw FieldError(reason: "field '\(key)' must be a whole number")
        }
        return Int(number)
    }

    func integerArray(_ key: String) throws(FieldError) -> [Int]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let array = value as? [Any] else { throw FieldError(reason: "field '\(key)' must be an array of numbers") }
        return try array.map { item throws(FieldError) in
            guard !(item is String), let number = item as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                throw FieldError(reason: "field '\(key)' must be an array of whole numbers")
            }
            return number.intValue
        }
    }
}
