import Foundation

/// The folder of committed oracle fixtures, `Tests/YJStatTests/Fixtures`.
let fixturesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()   // Support
    .deletingLastPathComponent()   // YJStatTests
    .appendingPathComponent("Fixtures")

/// The URL of a fixture file by name (`"numerics.json"`).
func fixtureURL(_ name: String) -> URL {
    fixturesFolder.appendingPathComponent(name)
}

/// Decodes a JSON fixture.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: fixtureURL(name)))
}
