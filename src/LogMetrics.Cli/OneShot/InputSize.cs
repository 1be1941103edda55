using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace LogMetrics.Cli.OneShot;

/// <summary>Estimates the total size of the files a set of globs names, for the progress bar only.</summary>
internal static class InputSize
{
    public static long Estimate(IEnumerable<string> sources)
    {
        long total = 0;
        foreach (var source in sources)
        {
            if (source == "-" || source.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                total += EstimateGlob(Path.GetFullPath(source));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // An unreadable path only makes the estimate smaller; the tailer reports the real error.
            }
        }

        return total;
    }

    private static long EstimateGlob(string pattern)
    {
        if (File.Exists(pattern))
        {
            return new FileInfo(pattern).Length;
        }

        var parts = pattern.Split('/');
        var fixedCount = parts.TakeWhile(p => p.IndexOfAny(['*', '?', '[']) < 0).Count();
        var root = string.Join('/', parts.Take(fixedCount));
        if (root.Length == 0)
        {
            root = "/";
        }

        if (!Directory.Exists(root))
        {
            return 0;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', parts.Skip(fixedCount)));
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        return result.Files.Sum(f => new FileInfo(Path.Combine(root, f.Path)).Length);
    }
}
