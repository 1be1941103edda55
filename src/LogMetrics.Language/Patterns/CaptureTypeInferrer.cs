namespace LogMetrics.Language.Patterns;

/// <summary>Infers a capture's type the way mtail does (types/regexp.go InferCaprefType).</summary>
internal static class CaptureTypeInferrer
{
    private const string Signs = "+-";
    private const string IntChars = "+-0123456789";
    private const string Digits = "0123456789";
    private const string FloatChars = "+-0123456789.eE";

    public static CaptureType Infer(RegexNode group)
    {
        if (OnlyMatches(group, Signs))
        {
            return CaptureType.String;
        }

        if (OnlyMatches(group, IntChars))
        {
            // mtail's "must be at least one digit" check is written as "only digits", so (-?\d+) is a String there too.
            return OnlyMatches(group, Digits) ? CaptureType.Int : CaptureType.String;
        }

        if (OnlyMatches(group, FloatChars))
        {
            return CountDots(group) > 1 ? CaptureType.String : CaptureType.Float;
        }

        return CaptureType.String;
    }

    private static bool OnlyMatches(RegexNode node, string allowed) => node.Kind switch
    {
        RegexNodeKind.Literal => node.Text.All(c => allowed.Contains(c, StringComparison.Ordinal)),
        RegexNodeKind.Class => node.Class!.OnlyMatches(allowed),
        RegexNodeKind.Repeat or RegexNodeKind.Capture => OnlyMatches(node.Child, allowed),
        RegexNodeKind.Group => !node.IsAtomic && OnlyMatches(node.Child, allowed),
        RegexNodeKind.Concat or RegexNodeKind.Alternate => node.Children.All(c => OnlyMatches(c, allowed)),
        _ => false,
    };

    private static int CountDots(RegexNode node) => node.Kind switch
    {
        RegexNodeKind.Literal => node.Text == "." ? 1 : 0,
        RegexNodeKind.Class => node.Class!.Contains('.') ? 1 : 0,
        _ => node.Children.Sum(CountDots),
    };
}
