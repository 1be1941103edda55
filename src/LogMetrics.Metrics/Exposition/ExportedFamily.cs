using System.Text;

namespace LogMetrics.Metrics.Exposition;

/// <summary>A family as one text exposition writes it: its labels in output order and pre-encoded.</summary>
internal sealed class ExportedFamily
{
    public ExportedFamily(MetricFamily family, MetricDescriptor descriptor, string[] labelNames, int progPosition)
    {
        Family = family;
        Descriptor = descriptor;
        LabelNames = labelNames;
        ProgPosition = progPosition;
        LabelPrefixes = new byte[labelNames.Length][];
        for (var i = 0; i < labelNames.Length; i++)
        {
            LabelPrefixes[i] = Encoding.UTF8.GetBytes((i == 0 ? "" : ",") + labelNames[i] + "=\"");
        }
    }

    public MetricFamily Family { get; }

    /// <summary>The descriptor when the scrape started; a concurrent reload may replace the family's.</summary>
    public MetricDescriptor Descriptor { get; }

    /// <summary>Label names sorted by name, `prog` included when emitted (client_golang's order).</summary>
    public string[] LabelNames { get; }

    /// <summary>Where `prog` is among <see cref="LabelNames"/>; -1 when it is not emitted.</summary>
    public int ProgPosition { get; }

    /// <summary>`name="` for each label, with a leading comma after the first.</summary>
    public byte[][] LabelPrefixes { get; }
}
