import Foundation
import PorticoModel

/// Reads Postman files from the workspace into the typed model: collections
/// (v2.0.0 and v2.1.0, normalised to one shape) and environments.
///
/// Every problem in a file is reported, each at its own line and column, and thrown
/// together; a file that is not a v2 collection at all (v1, an environment, an
/// OpenAPI document) gets one error saying what it is instead.
public enum PostmanReader {
    public static func readCollection(_ data: Data, path: String) throws(DiagnosticList) -> PostmanCollection {
        let document = try parseJSON(data, path: path)
        let format: PostmanCollectionFormat
        do throws(Diagnostic) {
            format = try PostmanCollectionFormat.detect(document, path: path)
        } catch {
            throw DiagnosticList([error])
        }
        var context = PostmanReadContext(path: path)
        let collection = context.readCollection(format.root, info: format.info, schemaVersion: format.schemaVersion)
        if !context.diagnostics.isEmpty { throw DiagnosticList(context.diagnostics) }
        return collection
    }

    public static func readEnvironment(_ data: Data, path: String) throws(DiagnosticList) -> PostmanEnvironment {
        let document = try parseJSON(data, path: path)
        var context = PostmanReadContext(path: path)
        let environment = context.readEnvironment(document)
        if let environment, context.diagnostics.isEmpty { return environment }
        throw DiagnosticList(context.diagnostics)
    }

    private static func parseJSON(_ data: Data, path: String) throws(DiagnosticList) -> JSONNode {
        do throws(Diagnostic) {
            return try JSONParser.parse(data, path: path)
        } catch {
            throw DiagnosticList([error])
        }
    }
}
