using LogMetrics.Lines;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Tests.Support;

namespace LogMetrics.Tailing.Tests.Formats;

public sealed class DecoderTests
{
    [Theory]
    [InlineData("""{"log":"hello\n","stream":"stdout","time":"2019-01-01T00:00:00Z"}""", "hello", 0)]
    [InlineData("""{"log":"crlf\r\n","stream":"stdout"}""", "crlf", 0)]
    [InlineData("""{"log":"esc \"q\" \u00e9\n"}""", "esc \"q\" é", 0)]
    [InlineData("""{"log":"piece one ","stream":"stdout"}|{"log":"and two\n","stream":"stdout"}""", "piece one and two", 0)]
    [InlineData("""{"log":"out ","stream":"stdout"}|{"log":"err\n","stream":"stderr"}|{"log":"end\n","stream":"stdout"}""", "err|out end", 0)]
    [InlineData("""not json|{"stream":"stdout"}|{"log":5}|{"log":"ok\n"}""", "ok", 3)]
    [InlineData("""{"log":"\n"}""", "", 0)]
    public void Docker(string input, string expected, int errors) => Check(LogFormat.Docker, input, expected, errors);

    [Theory]
    [InlineData("2016-10-06T00:17:09.669794202Z stdout F message here", "message here", 0)]
    [InlineData("2016-10-06T00:17:09.669794202Z stdout P part one |2016-10-06T00:17:09.669794203Z stdout F and two", "part one and two", 0)]
    [InlineData("t stdout P a|t stderr F b|t stdout F c", "b|ac", 0)]
    [InlineData("t stdout F", "", 0)]
    [InlineData("t stdout F:x tagged", "tagged", 0)]
    [InlineData("garbage|t stdout X bad|t stdout F ok", "ok", 2)]
    public void Cri(string input, string expected, int errors) => Check(LogFormat.Cri, input, expected, errors);

    private static void Check(LogFormat format, string input, string expected, int errors)
    {
        var counters = new SourceCounters("s");
        var sink = new CollectingSink();
        var decoder = SourcePipeline.Build("s", new TailOptions { Format = format }, sink, counters, Serilog.Core.Logger.None).Head;
        foreach (var line in input.Split('|'))
        {
            decoder.OnLines(LineBatch.Single("s", line, 0));
        }

        Assert.Equal(expected.Split('|'), sink.Lines);
        Assert.Equal(errors, counters.DecodeErrors);
        Assert.Equal(sink.Count, counters.LinesRead);
    }
}
