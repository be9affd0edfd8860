import Foundation

/// The `rows` of a JSON result document (`{"rows": [...], "warnings", "methods", "inputs"}`),
/// or nil when the text is not one (issue 18 item 2).
func jsonRows(_ text: String) throws -> [[String: Any]]? {
    (try parseJSON(text) as? [String: Any])?["rows"] as? [[String: Any]]
}
