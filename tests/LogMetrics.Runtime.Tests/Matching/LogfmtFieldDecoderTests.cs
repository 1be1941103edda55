using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>The logfmt matcher on its own: go-logfmt's grammar, quoting, bare keys and lines that do not decode.</summary>
public sealed class LogfmtFieldDecoderTests
{
    private static readonly string[] Keys = ["level", "msg", "debug", "empty", "http.method", "n"];

    /// <summary>Decodes the line and returns each key's text (null when missing), or null when it does not decode.</summary>
    private static string?[]? Decode(string line)
    {
        var decoder = new LogfmtFieldDecoder(Keys.Select(k => new FieldPath([new FieldSegment(k, 0)])).ToList());
        var fields = new StructuredFields(Keys.Length);
        if (!decoder.Decode(line, fields))
        {
            return null;
        }

        return Enumerable.Range(0, Keys.Length).Select(i => fields.TryGet(i, out var v) ? v.ToString() : null).ToArray();
    }

    public static TheoryData<string, string?[]?> Cases => new()
    {
        { "level=info msg=hello", ["info", "hello", null, null, null, null] },
        { "  level=info   msg=\"hello world\"  ", ["info", "hello world", null, null, null, null] },
        { "msg=\"say \\\"hi\\\"\\n\\tok \\\\ \\u00e9\"", [null, "say \"hi\"\n\tok \\ é", null, null, null, null] },
        { "level=warn debug", ["warn", null, "true", null, null, null] },        // a bare key is true
        { "debug level=warn", ["warn", null, "true", null, null, null] },
        { "empty= level=x", ["x", null, null, "", null, null] },                 // key= is the empty string
        { "empty=\"\" level=x", ["x", null, null, "", null, null] },
        { "http.method=GET n=1 n=2", [null, null, null, null, "GET", "2"] },    // dotted keys; last duplicate wins
        { "msg=é=", null },                                                     // `=` inside a bare value
        { "msg=a\"b", null },                                                   // `"` inside a bare value
        { "msg=\"unterminated", null },
        { "msg=\"a\"b", null },                                                 // something glued to a quoted value
        { "=value", null },
        { "ke\"y=1", null },
        { "msg=\"bad \\q escape\"", null },
        { "hello world", null },                                                // no key=value pair: a sentence
        { "", null },
        { "level=info\tmsg=tab", ["info", "tab", null, null, null, null] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecodesAsGoLogfmt(string line, string?[]? expected) => Assert.Equal(expected, Decode(line));

    [Fact]
    public void ALongLineDecodes()
    {
        var big = new string('x', 10 << 20);
        Assert.Equal(big, Decode("level=info msg=" + big)![1]);
    }
}
