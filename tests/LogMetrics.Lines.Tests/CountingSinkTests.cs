namespace LogMetrics.Lines.Tests;

public sealed class CountingSinkTests
{
    private sealed class Collecting : ILineSink
    {
        public List<LineBatch> Batches { get; } = [];

        public void OnLines(LineBatch batch) => Batches.Add(batch);
    }

    [Fact]
    public void CountsLinesAndCharactersOfTheBatchesHandedOver()
    {
        var next = new Collecting();
        var told = new List<int>();
        var sink = new CountingSink(next, told.Add);

        sink.OnLines(new LineBatch("s", "GET /aPOST /bc", [0, 6], [6, 8], 2, 0));
        sink.OnLines(new LineBatch("s", "", [], [], 0, 0));
        sink.OnLines(LineBatch.Single("s", "x", 0));

        Assert.Equal(2, next.Batches.Count);
        Assert.Equal(3, sink.Lines);
        Assert.Equal(6 + 8 + 1 + 3, sink.Characters);
        Assert.Equal([2, 1], told);
    }
}
