namespace LogMetrics.Runtime.Codegen;

/// <summary>
/// Builds a runtime error message from a text, reusing the last message while the text repeats: a log whose size
/// field is "-" fails the same way on every such line, and the message need not be formatted each time.
/// Used by one program thread only.
/// </summary>
internal sealed class RepeatedMessage(Func<string, string> format)
{
    private string? _lastText;
    private string _lastMessage = "";

    public string For(ReadOnlySpan<char> text)
    {
        if (_lastText is null || !text.SequenceEqual(_lastText))
        {
            _lastText = text.ToString();
            _lastMessage = format(_lastText);
        }

        return _lastMessage;
    }
}
