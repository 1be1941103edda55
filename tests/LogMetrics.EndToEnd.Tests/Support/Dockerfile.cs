using System.Text.Json;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>One Dockerfile instruction: its keyword, its flags (--from=build) and its arguments.</summary>
internal sealed record DockerInstruction(int Stage, string Keyword, IReadOnlyDictionary<string, string> Flags, IReadOnlyList<string> Arguments, bool IsJson);

/// <summary>A Dockerfile read the way docker reads it: continuations joined, comments dropped, stages numbered.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public int LastStage => Instructions.Max(i => i.Stage);

    public IEnumerable<DockerInstruction> InStage(int stage) => Instructions.Where(i => i.Stage == stage);

    public static Dockerfile Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        foreach (var line in LogicalLines(File.ReadAllLines(path)))
        {
            var space = line.IndexOf(' ');
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var rest = space < 0 ? "" : line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            var flags = new Dictionary<string, string>();
            while (rest.StartsWith("--", StringComparison.Ordinal))
            {
                var end = rest.IndexOf(' ');
                var flag = end < 0 ? rest : rest[..end];
                var equals = flag.IndexOf('=');
                flags[equals < 0 ? flag[2..] : flag[2..equals]] = equals < 0 ? "" : flag[(equals + 1)..];
                rest = end < 0 ? "" : rest[(end + 1)..].TrimStart();
            }

            var isJson = rest.StartsWith('[');
            IReadOnlyList<string> arguments = isJson
                ? JsonSerializer.Deserialize<string[]>(rest) ?? []
                : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            instructions.Add(new DockerInstruction(stage, keyword, flags, arguments, isJson));
        }

        return new Dockerfile(instructions);
    }

    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (current.Trim().Length > 0)
            {
                yield return current.Trim();
            }

            current = "";
        }
    }
}
