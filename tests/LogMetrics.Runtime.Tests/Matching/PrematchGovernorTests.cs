using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>The governor keeps the helper only while batches with it cost the program's thread less per line.</summary>
public sealed class PrematchGovernorTests
{
    private const int Lines = 400;

    /// <summary>Runs batches as the governor asks, each costing the given ticks per line in its mode.</summary>
    private static void Run(PrematchGovernor governor, int batches, long perLineWith, long perLineWithout)
    {
        for (var i = 0; i < batches; i++)
        {
            var with = governor.WantHelper;
            governor.Record(with, (with ? perLineWith : perLineWithout) * Lines, Lines);
        }
    }

    [Fact]
    public void StartsWithTheHelperAndHoldsItUntilTheFirstMeasurement()
    {
        var governor = new PrematchGovernor();
        for (var i = 0; i < PrematchGovernor.Hold; i++)
        {
            Assert.True(governor.WantHelper);
            // Cold batches with the helper look expensive; they must not count.
            governor.Record(true, 1_000_000 * Lines, Lines);
        }

        Run(governor, 2 * PrematchGovernor.Window, perLineWith: 100, perLineWithout: 200);
        Assert.True(governor.Chosen);
        Assert.True(governor.WantHelper);
    }

    [Fact]
    public void DropsTheHelperWhenBatchesWithoutItAreCheaperAndTriesAgainNextCycle()
    {
        var governor = new PrematchGovernor();
        Run(governor, PrematchGovernor.Hold, perLineWith: 100, perLineWithout: 100);

        var asked = new List<bool>();
        for (var i = 0; i < 2 * PrematchGovernor.Window; i++)
        {
            var with = governor.WantHelper;
            asked.Add(with);
            governor.Record(with, (with ? 300 : 200) * Lines, Lines);
        }

        Assert.Equal(Enumerable.Repeat(true, PrematchGovernor.Window).Concat(Enumerable.Repeat(false, PrematchGovernor.Window)), asked);
        Assert.False(governor.Chosen);
        for (var i = 0; i < PrematchGovernor.Hold; i++)
        {
            Assert.False(governor.WantHelper);
            governor.Record(false, 200 * Lines, Lines);
        }

        // The next measurement finds the helper cheaper again.
        Run(governor, 2 * PrematchGovernor.Window, perLineWith: 150, perLineWithout: 200);
        Assert.True(governor.Chosen);
        Assert.True(governor.WantHelper);
    }

    [Fact]
    public void BatchesCountInTheModeTheyRanIn()
    {
        var governor = new PrematchGovernor();
        Run(governor, PrematchGovernor.Hold, perLineWith: 100, perLineWithout: 100);

        // Queued before the mode changed, every batch of the measurement still ran with the helper: no comparison,
        // so the mode stays.
        for (var i = 0; i < 2 * PrematchGovernor.Window; i++)
        {
            governor.Record(true, 900 * Lines, Lines);
        }

        Assert.True(governor.Chosen);
    }
}
