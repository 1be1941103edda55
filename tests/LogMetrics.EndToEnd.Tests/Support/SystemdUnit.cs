namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>A systemd unit file as sections of key=value settings; a key may repeat.</summary>
internal sealed class SystemdUnit
{
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> _sections = [];

    public static SystemdUnit Load(string path)
    {
        var unit = new SystemdUnit();
        List<KeyValuePair<string, string>>? section = null;
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = pending + raw.Trim();
            pending = "";
            if (line.EndsWith('\\'))
            {
                pending = line[..^1] + " ";
                continue;
            }

            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = [];
                unit._sections[line.Trim('[', ']')] = section;
                continue;
            }

            var equals = line.IndexOf('=');
            if (section is null || equals < 0)
            {
                throw new InvalidDataException($"{path}: not a setting in a section: {line}");
            }

            section.Add(KeyValuePair.Create(line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    public IReadOnlyCollection<string> Sections => _sections.Keys;

    public IReadOnlyList<string> All(string section, string key) =>
        _sections.TryGetValue(section, out var settings) ? settings.Where(p => p.Key == key).Select(p => p.Value).ToList() : [];

    public string? Get(string section, string key) => All(section, key).LastOrDefault();
}
