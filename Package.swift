// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongkai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiCore", targets: ["GongkaiCore"]),
        .library(name: "GongkaiServer", targets: ["GongkaiServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        /// libcmark-gfm and its extensions, from the system (Debian: libcmark-gfm-dev,
        /// libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        /// jemalloc, linked into the CLI in place of glibc's malloc: builds allocate and free
        /// millions of small objects on every core (see Benchmarks/RESULTS.md).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        /// The pipeline: load → parse → model → render → write, one folder a stage.
        .target(
            name: "GongkaiCore",
            dependencies: [
                "CCmarkGFM",
                // Also gives Yams' libyaml module, CYaml, whose events YAMLComposer reads.
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        /// The preview server: Hummingbird, file watching, rebuilds, live reload.
        .target(
            name: "GongkaiServer",
            dependencies: [
                "GongkaiCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The command line: a thin layer over GongkaiCore.
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiCore",
                "GongkaiServer",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GongkaiCoreTests",
            dependencies: ["GongkaiCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GongkaiServerTests",
            dependencies: ["GongkaiServer", "GongkaiCore"]
        ),
    ]
)
