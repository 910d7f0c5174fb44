// swift-tools-version:6.0
import PackageDescription

// The module graph is the security wall: PorticoRender sees only PorticoModel (the
// partner-scoped site), never PorticoWorkspace. CI builds with
// --explicit-target-dependency-import-check error so an accidental import fails.
let package = Package(
    name: "Portico",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portico", targets: ["portico"]),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CMarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),

        .target(name: "PorticoModel"),
        .target(name: "PorticoWorkspace", dependencies: ["PorticoModel", "CYAML"]),
        .target(name: "PorticoRender", dependencies: ["PorticoModel", "CMarkGFM", "CLibXML2"]),
        .target(name: "PorticoCLI",
                dependencies: ["PorticoModel", "PorticoWorkspace", "PorticoRender", "CMicroHTTPD"]),
        .executableTarget(name: "portico", dependencies: ["PorticoCLI"]),

        .testTarget(name: "PorticoModelTests", dependencies: ["PorticoModel"]),
        .testTarget(name: "PorticoWorkspaceTests", dependencies: ["PorticoWorkspace", "PorticoModel"]),
        .testTarget(name: "PorticoRenderTests", dependencies: ["PorticoRender", "PorticoModel"]),
        .testTarget(name: "PorticoCLITests",
                    dependencies: ["PorticoCLI", "PorticoWorkspace", "PorticoRender", "PorticoModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["portico"]),
    ]
)
