using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class ErrorSourceAnalysisTests
{
    private static readonly ErrorType Pair = ErrorType.Confusion("Wheelchair", "Pedestrian");

    private static ErrorObservation Observation(BaselineRate? baseline, params (string Name, long Errors, long Opportunities)[] annotators) =>
        new(Pair, [.. annotators.Select(a => new AnnotatorErrors(a.Name, a.Errors, a.Opportunities))], baseline);

    [Fact]
    public void Analyze_EvenElevationOverHistory_SystemError()
    {
        // 8% for everyone against 1% in history.
        var observation = Observation(new BaselineRate(50, 5000), ("a", 8, 100), ("b", 9, 100), ("c", 7, 100), ("d", 8, 100), ("e", 8, 100));

        var verdict = ErrorSourceAnalysis.Analyze([observation]).Single();

        Assert.Equal(ErrorSource.SystemError, verdict.Source);
        Assert.Empty(verdict.FlaggedAnnotators);
        Assert.Equal(ElevationTesting.Fisher, verdict.Elevation.Method);
        Assert.Equal(8.0, verdict.Elevation.RateRatio, 1e-12);
        Assert.Contains("system error", verdict.Statement, StringComparison.Ordinal);
        Assert.Contains("Wheelchair labeled as Pedestrian: 8.0%", verdict.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OneAnnotatorFarAboveTheOthers_IndividualErrorNamingThem()
    {
        var observation = Observation(new BaselineRate(50, 5000), ("a", 1, 100), ("b", 20, 100), ("c", 1, 100), ("d", 0, 100), ("e", 1, 100));

        var verdict = ErrorSourceAnalysis.Analyze([observation]).Single();

        Assert.Equal(ErrorSource.IndividualError, verdict.Source);
        Assert.Equal(["b"], verdict.FlaggedAnnotators);
        var b = verdict.Funnel.Single(p => p.Annotator == "b");
        Assert.Equal(3.0 / 400, b.ExpectedRate, 1e-12); // leave-one-out: the others' 3 of 400
        Assert.True(b.Rate > b.Upper);
        Assert.Contains("Give b targeted feedback", verdict.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_FewOpportunitiesOrOneAnnotator_InsufficientEvidence()
    {
        var few = Observation(null, ("a", 2, 10), ("b", 0, 10));
        var single = Observation(null, ("a", 30, 100), ("b", 0, 0));

        var verdicts = ErrorSourceAnalysis.Analyze([few, single]);

        Assert.All(verdicts, v => Assert.Equal(ErrorSource.InsufficientEvidence, v.Source));
        Assert.Single(verdicts[1].Funnel); // zero opportunities dropped
    }

    [Fact]
    public void Analyze_NoHistoryEvenRates_NoneAndNotTested()
    {
        var verdict = ErrorSourceAnalysis.Analyze([Observation(null, ("a", 8, 100), ("b", 9, 100), ("c", 7, 100))]).Single();

        Assert.Equal(ErrorSource.None, verdict.Source);
        Assert.Equal("not tested", verdict.Elevation.Method);
        Assert.Contains("no history", verdict.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NoHistoryWithAcceptableRate_BinomialElevationCallsSystemError()
    {
        var options = new ErrorSourceOptions { MaxAcceptableRate = 0.02 };
        var verdict = ErrorSourceAnalysis.Analyze([Observation(null, ("a", 8, 100), ("b", 9, 100), ("c", 7, 100))], options).Single();

        Assert.Equal(ElevationTesting.Binomial, verdict.Elevation.Method);
        Assert.Equal(BinomialTail.Upper(24, 300, 0.02), verdict.Elevation.PValue, 1e-15);
        Assert.Equal(ErrorSource.SystemError, verdict.Source);
    }

    [Fact]
    public void Analyze_InvalidCounts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErrorSourceAnalysis.Analyze([Observation(null, ("a", 5, 4))]));
        Assert.Throws<ArgumentException>(() => ErrorSourceAnalysis.Analyze([Observation(null, ("a", 1, 4), ("a", 1, 5))]));
    }
}
