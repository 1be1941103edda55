using YamlDotNet.RepresentationModel;

namespace LogMetrics.Cli.Import;

/// <summary>Where a YAML node starts, 1-based.</summary>
internal readonly record struct YamlPosition(int Line, int Column)
{
    public static YamlPosition Of(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);
}
