import PorticoModel

/// One language of code sample; adding a language is adding one file with one conforming type
/// and listing it in `CodeSamples.all`.
public protocol CodeSampleGenerator: Sendable {
    /// Stable identifier, used in element ids and CSS classes (`curl`).
    var id: String { get }
    /// The tab label a reader sees (`cURL`).
    var label: String { get }
    /// The sample text for one request, exactly as a reader should paste it (not HTML-escaped).
    func sample(for request: SiteRequest) -> String
}

/// The code-sample languages every request page shows, in tab order.
public enum CodeSamples {
    public static let all: [any CodeSampleGenerator] = [CurlSample()]
}
