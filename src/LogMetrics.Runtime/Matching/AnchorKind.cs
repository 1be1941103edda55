namespace LogMetrics.Runtime.Matching;

/// <summary>The anchors <see cref="SimplePattern"/> reads, with .NET's meaning when no option is set.</summary>
internal enum AnchorKind
{
    /// <summary>^ and \A: where the searched text starts.</summary>
    Beginning,

    /// <summary>\z: where the searched text ends.</summary>
    End,

    /// <summary>$ and \Z: where the searched text ends, or before a final \n.</summary>
    EndOrFinalNewline,

    /// <summary>\b: between a word character and a non-word one (.NET's Unicode definition), the searched text's ends
    /// counting as non-word.</summary>
    WordBoundary,
}
