using LogMetrics.Tailing.Globs;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Globs;

public sealed class GlobPatternTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public GlobPatternTests()
    {
        foreach (var f in new[] { "a.log", "b.log", "c.txt", "x/app.log", "x/y/deep.log", "x/y/z/deeper.log", "web1/access.log", "web2/access.log", "db/access.log", "web1/sub/access.log" })
        {
            var path = _dir[f];
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x\n");
        }

        Directory.CreateDirectory(_dir["dir.log"]);
    }

    [Theory]
    [InlineData("*.log", "a.log b.log")]
    [InlineData("?.txt", "c.txt")]
    [InlineData("**/*.log", "a.log b.log web1/access.log web1/sub/access.log web2/access.log db/access.log x/app.log x/y/deep.log x/y/z/deeper.log")]
    [InlineData("x/**/*.log", "x/app.log x/y/deep.log x/y/z/deeper.log")]
    [InlineData("x/**", "x/app.log x/y/deep.log x/y/z/deeper.log")]
    [InlineData("web*/access.log", "web1/access.log web2/access.log")]
    [InlineData("*/access.log", "web1/access.log web2/access.log db/access.log")]
    [InlineData("web[12]/**/access.log", "web1/access.log web1/sub/access.log web2/access.log")]
    [InlineData("a.log", "a.log")]
    [InlineData("nope.log", "")]
    [InlineData("nodir/*.log", "")]
    public void Expands_and_matches(string pattern, string expected)
    {
        var glob = GlobPattern.Parse(Path.Combine(_dir.Path, pattern), "/");
        var want = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(name => _dir[name]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want, glob.Expand());
        Assert.All(want, p => Assert.True(glob.IsMatch(p), p));
    }

    [Fact]
    public void Relative_patterns_resolve_against_the_current_directory()
    {
        var glob = GlobPattern.Parse("x/*.log", _dir.Path);
        Assert.Equal([_dir["x/app.log"]], glob.Expand());
        Assert.Equal(_dir["x"], glob.BaseDirectory);
        Assert.False(glob.HasDirectoryWildcards);
    }

    [Fact]
    public void Reports_where_to_watch()
    {
        var glob = GlobPattern.Parse(_dir["web*/logs/*.log"], "/");
        Assert.Equal(_dir.Path, glob.BaseDirectory);
        Assert.True(glob.HasDirectoryWildcards);
        Assert.True(glob.IsMatch(_dir["web9/logs/a.log"]));
        Assert.False(glob.IsMatch(_dir["web9/other/a.log"]));
    }

    public void Dispose() => _dir.Dispose();
}
