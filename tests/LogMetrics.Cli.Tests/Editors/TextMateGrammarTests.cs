using LogMetrics.Cli.Tests.Support;
using System.Diagnostics;

namespace LogMetrics.Cli.Tests.Editors;

/// <summary>Runs editors/textmate/test/tokenize.js: every program in the repository tokenized by vscode-textmate with
/// the grammar, and spot checks of scopes (node_modules installed by .ci/install-deps.sh).</summary>
public sealed class TextMateGrammarTests
{
    [Fact]
    public async Task EveryProgramTokenizesWithoutError()
    {
        var directory = Path.Combine(RepositoryRoot(), "editors", "textmate");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "vscode-textmate")), "run .ci/install-deps.sh: editors/textmate/node_modules is missing");
        var info = new ProcessStartInfo("node", ["test/tokenize.js"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Matches(@"^ok: \d+ programs, \d+ lines tokenized", await stdout);
    }

    private static string RepositoryRoot() => Repository.Root;
}
