using System.Diagnostics;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>The JSON matcher on its own: which lines decode, the text and kind of each field read, and bad input.</summary>
public sealed class JsonFieldDecoderTests
{
    private static FieldPath Path(params object[] segments) =>
        new(segments.Select(s => s is int i ? new FieldSegment(null, i) : new FieldSegment((string)s, 0)).ToList());

    private static (bool Decoded, StructuredFields Fields) Decode(string line, params FieldPath[] paths)
    {
        var fields = new StructuredFields(paths.Length);
        var decoded = new JsonFieldDecoder(paths).Decode(line, fields);
        return (decoded, fields);
    }

    private static string? Text(StructuredFields fields, int field) => fields.TryGet(field, out var value) ? value.ToString() : null;

    public static TheoryData<string, bool> Lines => new()
    {
        { "{}", true },
        { "  {\"a\": 1}  ", true },
        { "{\"a\": [1, {\"b\": null}], \"c\": \"x\"}", true },
        { "", false },
        { "not json", false },
        { "[1, 2]", false },                      // valid JSON, but not an object: no fields
        { "42", false },
        { "{\"a\": 1", false },                   // truncated
        { "{\"a\": 1, \"b\": \"unterminated}", false },
        { "{\"a\": 1,}", false },                 // trailing comma
        { "{\"a\": 1} {\"b\": 2}", false },       // two objects on one line
        { "{\"a\": 1}}", false },
        { "{'a': 1}", false },
        { "{\"a\": tru}", false },
        { "{\"a\": 01}", false },
        { "{\"a\": \"\\x\"}", false },            // unknown escape
        { "{\"a\": 1} // c", false },
        { "{\"a\": NaN}", false },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void MatchesOnlyAWholeValidObject(string line, bool expected) =>
        Assert.Equal(expected, Decode(line, Path("a")).Decoded);

    [Fact]
    public void ReadsTypedValuesByPath()
    {
        var line = """{"request":{"method":"GET","headers":{"user-agent":"curl/8"}},"status":200,"ratio":0.25,"big":1e3,"ok":true,"no":false,"nothing":null,"items":[{"id":"a"},{"id":"b"}],"obj":{"x": [1, 2]},"esc":"a\"b\\c\n\u00e9\ud83d\ude00","@t":"now"}""";
        var (decoded, fields) = Decode(line,
            Path("request", "method"), Path("request", "headers", "user-agent"), Path("status"), Path("ratio"), Path("big"),
            Path("ok"), Path("no"), Path("nothing"), Path("items", 1, "id"), Path("obj"), Path("esc"), Path("@t"),
            Path("absent"), Path("items", 5), Path("status", "x"), Path("items"));
        Assert.True(decoded);
        Assert.Equal("GET", Text(fields, 0));
        Assert.Equal("curl/8", Text(fields, 1));
        Assert.Equal(("200", FieldKind.Int), (Text(fields, 2), fields.KindOf(2)));
        Assert.Equal(("0.25", FieldKind.Float), (Text(fields, 3), fields.KindOf(3)));
        Assert.Equal(("1e3", FieldKind.Float), (Text(fields, 4), fields.KindOf(4)));
        Assert.Equal(("true", FieldKind.Bool), (Text(fields, 5), fields.KindOf(5)));
        Assert.Equal("false", Text(fields, 6));
        Assert.Null(Text(fields, 7)); // null reads as not defined
        Assert.Equal(FieldKind.Null, fields.KindOf(7));
        Assert.Equal("b", Text(fields, 8));
        Assert.Equal(("{\"x\": [1, 2]}", FieldKind.Object), (Text(fields, 9), fields.KindOf(9)));
        Assert.Equal("a\"b\\c\né😀", Text(fields, 10));
        Assert.Equal("now", Text(fields, 11));
        Assert.Null(Text(fields, 12));
        Assert.Null(Text(fields, 13));
        Assert.Null(Text(fields, 14)); // a scalar has no fields
        Assert.Equal(("[{\"id\":\"a\"},{\"id\":\"b\"}]", FieldKind.Array), (Text(fields, 15), fields.KindOf(15)));
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""", null, "2")]
    [InlineData("""{"a": {"b": 1}, "a": {"c": 2}}""", null, """{"c": 2}""")] // the second "a" replaces the whole first value
    [InlineData("""{"a": {"b": 1}, "a": 3}""", null, "3")]
    [InlineData("""{"a": 3, "a": {"b": 4}}""", "4", """{"b": 4}""")]
    public void ADuplicateKeysLastValueWins(string line, string? expectedB, string expectedA)
    {
        var (decoded, fields) = Decode(line, Path("a", "b"), Path("a"));
        Assert.True(decoded);
        Assert.Equal(expectedB, Text(fields, 0));
        Assert.Equal(expectedA, Text(fields, 1));
    }

    [Fact]
    public void AKeyWithEscapesMatchesItsUnescapedName()
    {
        var (decoded, fields) = Decode("""{"user\u002dagent": "x"}""", Path("user-agent"));
        Assert.True(decoded);
        Assert.Equal("x", Text(fields, 0));
    }

    [Fact]
    public void AnEscapedLoneSurrogateBecomesTheReplacementCharacter()
    {
        var (decoded, fields) = Decode("""{"a": "x\ud800y", "b": "\udc00"}""", Path("a"), Path("b"));
        Assert.True(decoded);
        Assert.Equal("x\uFFFDy", Text(fields, 0));
        Assert.Equal("\uFFFD", Text(fields, 1));
    }

    [Fact]
    public void InvalidUtf8DecodedAsReplacementCharactersStillDecodes()
    {
        // The tailer decodes invalid UTF-8 bytes as U+FFFD, and a lone UTF-16 surrogate is written out as U+FFFD.
        var (decoded, fields) = Decode("{\"a\": \"x\uFFFD\uFFFDy\", \"b\": \"\uD800\"}", Path("a"), Path("b"));
        Assert.True(decoded);
        Assert.Equal("x\uFFFD\uFFFDy", Text(fields, 0));
        Assert.Equal("\uFFFD", Text(fields, 1));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(JsonFieldDecoder.MaxDepth + 1)]
    public void NestingDeeperThanTheLimitDoesNotDecode(int depth)
    {
        var line = "{\"a\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";
        var started = Stopwatch.StartNew();
        Assert.False(Decode(line, Path("a")).Decoded);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void NestingAtTheLimitDecodes()
    {
        var depth = JsonFieldDecoder.MaxDepth;
        var line = "{\"a\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";
        Assert.True(Decode(line, Path("a")).Decoded);
    }

    [Fact]
    public void ATenMegabyteLineDecodesAndItsBufferIsNotKept()
    {
        var big = new string('x', 10 << 20);
        var line = "{\"msg\": \"" + big + "\", \"n\": 7}";
        var decoder = new JsonFieldDecoder([Path("msg"), Path("n")]);
        var fields = new StructuredFields(2);
        Assert.True(decoder.Decode(line, fields));
        Assert.Equal(big.Length, Text(fields, 0)!.Length);
        Assert.Equal("7", Text(fields, 1));

        // The next (small) line still decodes with the same decoder and fields.
        Assert.True(decoder.Decode("{\"n\": 8}", fields));
        Assert.Null(Text(fields, 0));
        Assert.Equal("8", Text(fields, 1));
        Assert.False(decoder.Decode("{\"msg\": \"" + big, fields)); // truncated
    }

    [Fact]
    public void FieldsOfALineThatDoesNotDecodeAreNotRead()
    {
        var decoder = new JsonFieldDecoder([Path("a")]);
        var fields = new StructuredFields(1);
        Assert.True(decoder.Decode("{\"a\": 1}", fields));
        Assert.False(decoder.Decode("{\"a\": 2, }", fields));
        Assert.Null(Text(fields, 0));
    }
}

/// <summary>Decoding builds no document: after the first line, a line with three fields read allocates nothing.</summary>
public sealed class JsonFieldDecoderAllocationTests
{
    [Fact]
    public void DecodingALineAllocatesNothing()
    {
        const string line = """{"time_local":"14/Nov/2023:22:13:20 +0000","remote_addr":"163.2.46.211","request_method":"GET","request_uri":"/api/v1/users?x=\"1\"","status":"200","body_bytes_sent":"1282","headers":{"a":[1,2,{"b":null}]},"http_user_agent":"Go-http-client/1.1"}""";
        var decoder = new JsonFieldDecoder(new[] { "request_method", "status", "body_bytes_sent" }.Select(k => new FieldPath([new FieldSegment(k, 0)])).ToList());
        var fields = new StructuredFields(3);
        Assert.True(decoder.Decode(line, fields));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            decoder.Decode(line, fields);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(fields.TryGet(2, out var bytes) && bytes.SequenceEqual("1282"));
    }
}
