import Foundation

/// The URL of a reference fixture in `Tests/YJStatTests/Fixtures/`, located relative to this
/// source file so that tests run from any working directory and need no bundle resources.
func fixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // YJStatTests
        .appendingPathComponent("Fixtures")
        .appendingPathComponent(name)
}

/// Decodes a JSON fixture from `Tests/YJStatTests/Fixtures/`.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let data = try Data(contentsOf: fixtureURL(name))
    return try JSONDecoder().decode(T.self, from: data)
}
