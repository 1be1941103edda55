using YamlDotNet.RepresentationModel;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>Reads YAML documents and walks them by key, failing with the path that is missing.</summary>
internal static class Yaml
{
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => d.RootNode as YamlMappingNode ?? throw new InvalidDataException($"{path}: a document is not a mapping")).ToList();
    }

    public static YamlMappingNode Load(string path) => LoadDocuments(path).Single();

    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new KeyNotFoundException($"no mapping '{key}' at {node.Start}");

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        node.Get(key) as YamlSequenceNode ?? throw new KeyNotFoundException($"no sequence '{key}' at {node.Start}");

    public static string Scalar(this YamlNode node, string key) =>
        (node.Get(key) as YamlScalarNode)?.Value ?? throw new KeyNotFoundException($"no scalar '{key}' at {node.Start}");

    public static string? ScalarOrNull(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static IEnumerable<string> Scalars(this YamlNode node, string key) =>
        node.Get(key) is YamlSequenceNode seq ? seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "") : [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode node, string key) =>
        node.Get(key) is YamlMappingNode map ? map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", p.Value)) : [];
}
