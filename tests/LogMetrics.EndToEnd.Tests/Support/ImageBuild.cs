namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>What examples/Dockerfile's build stage makes: its own `dotnet publish` line run once, without Docker, with
/// only the output directory changed (the machine has the packages its build stage installs: clang, zlib1g-dev).</summary>
public sealed class ImageBuild : IAsyncLifetime
{
    private readonly TempDirectory _output = new("image-build");

    /// <summary>Where the publish line wrote its output (the image's /app).</summary>
    public string Directory => _output.Path;

    /// <summary>The native executable the image's ENTRYPOINT runs.</summary>
    public string Executable => Path.Combine(Directory, "logmetrics");

    internal static Dockerfile Dockerfile { get; } = Dockerfile.Load(Repository.PathOf("examples/Dockerfile"));

    /// <summary>The publish line's words after `dotnet`.</summary>
    internal static List<string> PublishArguments()
    {
        var publish = Dockerfile.InStage(0).Single(i => i.Keyword == "RUN" && string.Join(' ', i.Arguments).Contains("dotnet publish", StringComparison.Ordinal));
        var words = string.Join(' ', publish.Arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.SkipWhile(w => w != "dotnet").Skip(1).ToList();
    }

    public async Task InitializeAsync()
    {
        var arguments = PublishArguments();
        var at = arguments.IndexOf("-o");
        if (at < 0)
        {
            throw new InvalidOperationException("the Dockerfile's publish line names no output with -o");
        }

        arguments[at + 1] = Directory;
        var result = await CommandRunner.RunAsync("dotnet", [.. arguments, "-nologo"], TimeSpan.FromMinutes(10), workingDirectory: Repository.Root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the Dockerfile's publish line failed:\n{result}");
        }
    }

    public Task DisposeAsync()
    {
        _output.Dispose();
        return Task.CompletedTask;
    }
}
