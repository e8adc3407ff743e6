// swift-tools-version:6.0
import PackageDescription

// Release builds on Linux carry the Swift runtime and Foundation inside the program (as
// --static-swift-stdlib does): loading and linking a dozen shared libraries at every start took longer
// than building a small site. Debug builds (swift run, swift test) link them as usual.
let staticStdlib: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticStdlibLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "Callsheet",
    // macOS 15: String(validating:as:) and NSLock.withLock, which the code uses, need it there.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "build-site", targets: ["build-site"]),
        .library(name: "Callsheet", targets: ["Callsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // System calls Swift cannot reach (renameat2, openat2): a C file and its header.
        .target(name: "CSystemShims"),
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]
        ),
        // libvips (apt install libvips-dev, or brew install vips) behind plain C wrappers, loaded with dlopen
        // the first time an image is made, so not linked: a build with its images cached never loads it.
        // Sources/CVipsShim/vips_api.h declares what the wrappers call, checked against the real headers in CI.
        .target(name: "CVipsShim"),
        .target(
            name: "Callsheet",
            dependencies: [
                "CCmark",
                "CSystemShims",
                "CGumbo",
                "CVipsShim",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: staticStdlib,
            plugins: ["EmbedTheme"]
        ),
        // The built-in theme: templates/ compiled into the library (Plugins/EmbedTheme).
        .executableTarget(name: "embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        .target(
            name: "CallsheetServer",
            dependencies: ["Callsheet"],
            swiftSettings: staticStdlib
        ),
        .executableTarget(
            name: "build-site",
            dependencies: [
                "Callsheet",
                "CallsheetServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticStdlib,
            linkerSettings: staticStdlibLink
        ),
        .testTarget(
            name: "CallsheetTests",
            dependencies: ["Callsheet", "CallsheetServer", "build-site"],
            exclude: ["Fixtures"]
        ),
    ]
)
