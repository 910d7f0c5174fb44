extension MustacheParser {
    /// A parse error located at byte offset `offset` of the source.
    func error(at offset: Int, _ message: String) -> MustacheError {
        let place = location(of: offset)
        return MustacheError(templateName: templateName, line: place.line, column: place.column, message: message)
    }

    /// The 1-based line and column of a byte offset. Columns count characters, not
    /// bytes, so they match what an editor shows. Only errors need this, so it
    /// rescans the source rather than tracking lines during the parse.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }
}
