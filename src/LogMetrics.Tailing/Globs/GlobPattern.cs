using System.IO.Enumeration;

namespace LogMetrics.Tailing.Globs;

/// <summary>
/// An absolute file glob: wildcards in any segment, and "**" as a whole segment for zero or more directories.
/// Relative patterns resolve against the current directory.
/// </summary>
internal sealed class GlobPattern
{
    private static readonly EnumerationOptions Options = new()
    {
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private readonly string[] _segments;

    private GlobPattern(string pattern, string[] segments, string baseDirectory, int baseLength)
    {
        Pattern = pattern;
        _segments = segments;
        BaseDirectory = baseDirectory;
        BaseSegmentCount = baseLength;
        HasDirectoryWildcards = baseLength < segments.Length - 1 || (segments.Length > 0 && segments[^1] == "**");
    }

    /// <summary>The absolute pattern.</summary>
    public string Pattern { get; }

    /// <summary>The deepest directory without wildcards: where matches are searched and watched.</summary>
    public string BaseDirectory { get; }

    /// <summary>Whether matches may lie below <see cref="BaseDirectory"/> (wildcards or ** in directory segments).</summary>
    public bool HasDirectoryWildcards { get; }

    /// <summary>Whether the pattern names one literal path.</summary>
    public bool IsLiteral => !Wildcard.HasWildcards(Pattern);

    private int BaseSegmentCount { get; }

    public static GlobPattern Parse(string pattern, string currentDirectory)
    {
        var full = Path.GetFullPath(pattern, currentDirectory);
        var segments = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var baseLength = 0;
        while (baseLength < segments.Length - 1 && !Wildcard.HasWildcards(segments[baseLength]))
        {
            baseLength++;
        }

        var baseDirectory = "/" + string.Join('/', segments, 0, baseLength);
        return new GlobPattern(full, segments, baseDirectory, baseLength);
    }

    /// <summary>Every file (not directory) matching now, sorted by ordinal path.</summary>
    public IReadOnlyList<string> Expand()
    {
        var results = new SortedSet<string>(StringComparer.Ordinal);
        if (_segments.Length > 0)
        {
            Walk(BaseDirectory, BaseSegmentCount, results);
        }

        return [.. results];
    }

    /// <summary>Whether an absolute path would match.</summary>
    public bool IsMatch(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return MatchFrom(0, parts, 0);
    }

    private bool MatchFrom(int si, string[] parts, int pi)
    {
        while (si < _segments.Length)
        {
            var seg = _segments[si];
            if (seg == "**")
            {
                // A trailing ** matches any file below; otherwise try every number of skipped directories.
                if (si == _segments.Length - 1)
                {
                    return pi < parts.Length;
                }

                for (var skip = pi; skip < parts.Length; skip++)
                {
                    if (MatchFrom(si + 1, parts, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (pi >= parts.Length || !Wildcard.IsMatch(seg, parts[pi]))
            {
                return false;
            }

            si++;
            pi++;
        }

        return pi == parts.Length;
    }

    private void Walk(string dir, int si, SortedSet<string> results)
    {
        var seg = _segments[si];
        var last = si == _segments.Length - 1;
        if (seg == "**")
        {
            if (last)
            {
                foreach (var (path, isDir, _) in List(dir, null))
                {
                    if (isDir)
                    {
                        Walk(path, si, results);
                    }
                    else
                    {
                        results.Add(path);
                    }
                }

                return;
            }

            Walk(dir, si + 1, results);
            foreach (var (path, isDir, isLink) in List(dir, null))
            {
                // Symlinked directories are not followed under **, so a link loop cannot recurse forever.
                if (isDir && !isLink)
                {
                    Walk(path, si, results);
                }
            }

            return;
        }

        if (!Wildcard.HasWildcards(seg))
        {
            var path = dir == "/" ? "/" + seg : dir + "/" + seg;
            if (last)
            {
                if (File.Exists(path) || (!Directory.Exists(path) && new FileInfo(path).LinkTarget is not null))
                {
                    results.Add(path);
                }
            }
            else if (Directory.Exists(path))
            {
                Walk(path, si + 1, results);
            }

            return;
        }

        foreach (var (path, isDir, _) in List(dir, seg))
        {
            if (last && !isDir)
            {
                results.Add(path);
            }
            else if (!last && isDir)
            {
                Walk(path, si + 1, results);
            }
        }
    }

    private static List<(string Path, bool IsDirectory, bool IsLink)> List(string dir, string? wildcard)
    {
        try
        {
            var entries = new FileSystemEnumerable<(string, bool, bool)>(
                dir,
                (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                Options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => wildcard is null || Wildcard.IsMatch(wildcard, e.FileName),
            };
            return [.. entries];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The directory vanished or cannot be listed; the next rescan tries again.
            return [];
        }
    }
}
