using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>examples/Dockerfile, checked without a Docker engine: what it copies exists and the image it describes is sound.</summary>
public sealed class DockerfileTests
{
    private readonly Dockerfile _dockerfile = ImageBuild.Dockerfile;

    [Fact]
    public void Builds_natively_with_the_sdk_and_runs_on_runtime_deps()
    {
        var froms = _dockerfile.Instructions.Where(i => i.Keyword == "FROM").ToList();
        Assert.Equal(2, froms.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", froms[0].Arguments[0]);
        // No .NET runtime in the image: the executable is native (ImageBuildTests runs it).
        Assert.Equal("mcr.microsoft.com/dotnet/runtime-deps:10.0", froms[^1].Arguments[0]);
        var publish = string.Join(' ', ImageBuild.PublishArguments());
        Assert.Contains("publish src/LogMetrics.Cli -c Release --use-current-runtime -p:PublishAot=true -o /app", publish, StringComparison.Ordinal);
        // NativeAOT links with clang against zlib; .ci/install-deps.sh installs the same two for ImageBuildTests.
        var install = string.Join(' ', _dockerfile.InStage(0).Where(i => i.Keyword == "RUN").SelectMany(i => i.Arguments));
        Assert.Contains("clang", install, StringComparison.Ordinal);
        Assert.Contains("zlib1g-dev", install, StringComparison.Ordinal);
        var deps = File.ReadAllText(Repository.PathOf(".ci/install-deps.sh"));
        Assert.Contains("clang", deps, StringComparison.Ordinal);
        Assert.Contains("zlib1g-dev", deps, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_it_copies_from_the_build_context_exists()
    {
        var copies = _dockerfile.Instructions.Where(i => i.Keyword is "COPY" or "ADD" && !i.Flags.ContainsKey("from")).ToList();
        Assert.NotEmpty(copies);
        var sources = copies.SelectMany(c => c.Arguments.SkipLast(1)).ToList();
        Assert.All(sources, source =>
        {
            var path = Repository.PathOf(source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: {path} does not exist");
        });
    }

    [Fact]
    public void Its_ignore_file_lets_every_copied_file_through()
    {
        var ignore = Repository.PathOf("examples/Dockerfile.dockerignore");
        var patterns = File.ReadAllLines(ignore).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = _dockerfile.Instructions
            .Where(i => i.Keyword is "COPY" or "ADD" && !i.Flags.ContainsKey("from"))
            .SelectMany(c => c.Arguments.SkipLast(1));
        Assert.All(sources, source => Assert.False(DockerIgnore.Excludes(patterns, source.TrimEnd('/')), $"{source} is excluded by {ignore}"));
        Assert.True(DockerIgnore.Excludes(patterns, "src/LogMetrics.Cli/bin/Release/net10.0/logmetrics.dll"));
        Assert.True(DockerIgnore.Excludes(patterns, ".git"));
    }

    [Fact]
    public void The_runtime_stage_runs_as_a_non_root_user_on_port_3903()
    {
        var runtime = _dockerfile.InStage(_dockerfile.LastStage).ToList();
        var user = runtime.LastOrDefault(i => i.Keyword == "USER");
        Assert.NotNull(user);
        var name = user.Arguments[0].Split(':')[0];
        Assert.DoesNotContain(name, new[] { "root", "0", "" });
        Assert.Contains(runtime, i => i.Keyword == "EXPOSE" && i.Arguments.Contains("3903"));
        var entrypoint = Assert.Single(runtime, i => i.Keyword == "ENTRYPOINT");
        Assert.True(entrypoint.IsJson, "ENTRYPOINT should be in exec (JSON) form so SIGTERM reaches the CLI");
        Assert.Equal(["/app/logmetrics"], entrypoint.Arguments);
    }

    [Fact]
    public async Task Its_default_command_uses_only_options_the_cli_has()
    {
        var cmd = Assert.Single(_dockerfile.InStage(_dockerfile.LastStage), i => i.Keyword == "CMD");
        Assert.True(cmd.IsJson);
        Assert.Equal(
            ["run", "--progs", "/etc/logmetrics", "--logs", "/var/log/nginx/access.log", "--state-dir", "/var/lib/logmetrics"],
            cmd.Arguments);
        var known = await CliOptions.RunAsync();
        Assert.All(CliOptions.UsedIn(cmd.Arguments), option => Assert.Contains(option, known));
    }

    [Fact]
    public void The_default_programs_directory_is_filled_by_the_image()
    {
        var runtime = _dockerfile.InStage(_dockerfile.LastStage).ToList();
        var copied = runtime.Where(i => i.Keyword == "COPY" && !i.Flags.ContainsKey("from")).ToList();
        Assert.Contains(copied, c => c.Arguments[^1].StartsWith("/etc/logmetrics/", StringComparison.Ordinal) && c.Arguments[0].EndsWith(".rules", StringComparison.Ordinal));
        Assert.Contains(runtime, i => i.Keyword == "RUN" && string.Join(' ', i.Arguments).Contains("/var/lib/logmetrics", StringComparison.Ordinal));
    }
}
