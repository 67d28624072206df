import LearncityReport
import LearningCities

/// The one line the CLI prints for an engine error: the engine says what
/// happened; this adds what to do about it in the CLI's own terms (its
/// commands and flags). Nil for errors that are not the user's to fix.
enum CLIErrorWording {
    /// The message for `error`, or nil when it is not a user-facing error.
    static func message(for error: Error) -> String? {
        switch error {
        case let index as IndexError:
            switch index {
            case .missing(let path): return "no index at \(path) (build it with `learncity index --index \(path)`)"
            case .locked(let path):
                return "index \(path) is locked by another process (another `learncity index` or `serve` is writing it); try again when it has finished"
            case .damaged(let path, _):
                return "\(index.description); rebuild it from the corpus with `learncity index --rebuild --index \(path)` (add --corpus DIR if the corpus is not ./corpus)"
            case .diskFull: return "\(index.description); free some space, then run the command again"
            case .notWritable, .notReadable, .xapian: return index.description
            }
        case let search as SearchError:
            switch search {
            case .emptyQuery: return "empty query: type some words to search for, e.g. learncity search \"hoc tap suot doi\""
            default: return search.description
            }
        case let recommend as RecommendError:
            switch recommend {
            case .missingSource: return "name a city (e.g. learncity recommend \"Sơn La\") or describe one with --text \"…\""
            case .cityAndText: return "give either a city or --text, not both"
            case .emptyText: return "--text is empty: describe the city's lifelong-learning programmes"
            default: return recommend.description
            }
        case let shard as ShardError:
            switch shard {
            case .unavailable: return "\(shard.description) (start it, or pass --allow-partial to search the other shards)"
            case .unknownShardCount: return "\(shard.description); give --shards N to rebuild it"
            default: return shard.description
            }
        case let corpus as CorpusError:
            return corpus.description
        case let city as CityError:
            return city.description
        case let report as ReportError:
            return report.description
        case let failure as CommandFailure:
            return failure.description
        default:
            return nil
        }
    }
}
