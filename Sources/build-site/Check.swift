import ArgumentParser
import Callsheet
import Foundation

/// `build-site check`: a strict build in memory plus site checks; the output folder is not touched.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site without writing it and check it is fit to publish; exit 1 on any problem.")

    @OptionGroup var site: SourceOptions

    @Flag(help: "Treat warnings as failures too.")
    var strict = false

    func run() throws {
        let start = DispatchTime.now()
        let report: BuildReport
        let options = site.buildOptions()
        do {
            report = try SiteBuilder(options: options).render()
        } catch {
            Console.printDiagnostics(error.diagnostics, quiet: site.quiet)
            throw ExitCode(1)
        }
        let checker = SiteChecker(report: report, jobs: options.jobs)
        var found = Diagnostics()
        found.append(contentsOf: report.warnings + checker.check())
        let diagnostics = found.sorted  // by file, then line and column as numbers
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        Console.printDiagnostics(diagnostics, quiet: false, summary: false)
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let failed = errors > 0 || (strict && warnings > 0)
        var line = "Checked \(checker.pageCount) pages in \(milliseconds) ms: "
        if diagnostics.isEmpty {
            line += "no problems"
        } else {
            line += "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
            if strict && warnings > 0 && errors == 0 { line += " (--strict: warnings fail)" }
        }
        if !checker.allowedHosts.isEmpty {
            line += "; third-party hosts allowed by site.yml: \(checker.allowedHosts.joined(separator: ", "))"
        }
        if failed {
            FileHandle.standardError.write(Data((line + "\n").utf8))
            throw ExitCode(1)
        }
        if !site.quiet { Console.say(line) }
    }
}
