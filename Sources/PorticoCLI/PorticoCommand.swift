import Foundation

/// The `portico` command line.
public enum PorticoCommand {
    public static func main() {
        exit(0)
    }
}
