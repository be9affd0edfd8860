import Foundation

/// Decodes a JSON fixture from `Tests/YJStatTests/Fixtures/<name>` (found from this file's path,
/// so tests run without Python or R and from any working directory).
func loadFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}
