using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class SampleSizeTests
{
    [Fact]
    public void ForEstimate_Cochran95Margin5_Is385()
    {
        // statistics-vectors.md §8.1: n₀ = 1.96²·0.25/0.05² = 384.16, with z = 1.959964: 384.146; published (truncated) 384.
        var size = SampleSize.ForEstimate(0.05, 0.95);

        Assert.Equal(384.14588, size.InfinitePopulationSize, 1e-5);
        Assert.Equal(384, (int)size.InfinitePopulationSize);
        Assert.Equal(385, size.SampleSize); // rounded up
        Assert.Equal(SampleSizeMethod.Cochran, size.Method);
        Assert.Null(size.Correction);
    }

    [Fact]
    public void Correct_PublishedBartlettExample_Gives222()
    {
        // marcoscaceres gist (Cochran 1977): n₀ = 384, N = 528 → n₁ = 384/(1 + 384/528) = 222 (truncated from 222.316).
        Assert.Equal(222.31579, SampleSize.Correct(384, 528, FinitePopulationCorrection.Bartlett), 1e-5);
    }

    // Recomputed (statistics-vectors.md §8.1), Cochran form n₀/(1 + (n₀ − 1)/N), rounded up.
    [Theory]
    [InlineData(528, 222.60873, 223)]
    [InlineData(1000, 277.73345, 278)]
    [InlineData(1679, 312.77173, 313)]
    [InlineData(10000, 369.97061, 370)]
    public void ForEstimate_FinitePopulation_CochranForm(long population, double corrected, int expected)
    {
        var size = SampleSize.ForEstimate(0.05, 0.95, population: population);

        Assert.Equal(corrected, SampleSize.Correct(size.InfinitePopulationSize, population, FinitePopulationCorrection.Cochran), 1e-5);
        Assert.Equal(expected, size.SampleSize);
        Assert.Equal(FinitePopulationCorrection.Cochran, size.Correction);
    }

    [Fact]
    public void ForEstimate_BartlettForm_Is223ForN528() =>
        Assert.Equal(223, SampleSize.ForEstimate(0.05, 0.95, population: 528, correction: FinitePopulationCorrection.Bartlett).SampleSize);

    [Fact]
    public void ForEstimate_Wilson_SmallestNWithHalfWidthWithinMargin()
    {
        // Recomputed: half-width at p = 0.5 is 0.0499548 for n = 381 and 0.0500198 for n = 380.
        var size = SampleSize.ForEstimate(0.05, 0.95, method: SampleSizeMethod.Wilson);

        Assert.Equal((381, SampleSizeMethod.Wilson), (size.SampleSize, size.Method));
    }

    [Fact]
    public void ForEstimate_SmallPopulation_IsCappedAtIt() => Assert.Equal(10, SampleSize.ForEstimate(0.05, 0.95, population: 10).SampleSize);

    [Theory]
    [InlineData(0.0, 0.95)]
    [InlineData(-0.1, 0.95)]
    [InlineData(0.05, 1.0)]
    [InlineData(0.05, 0.0)]
    public void ForEstimate_BadMarginOrConfidence_Throws(double margin, double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ForEstimate(margin, confidence));

    [Fact]
    public void ForEstimate_CochranAtRateZero_ThrowsButWilsonAnswers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ForEstimate(0.05, 0.95, expectedRate: 0));
        Assert.True(SampleSize.ForEstimate(0.05, 0.95, expectedRate: 0, method: SampleSizeMethod.Wilson).SampleSize > 0);
    }

    // By hand: 0.99^299 = 0.04954 ≤ 0.05 < 0.99^298 = 0.05004 (rule of three: 3/0.01 ≈ 300). c = 1, 2 recomputed.
    [Theory]
    [InlineData(0, 299)]
    [InlineData(1, 473)]
    [InlineData(2, 628)]
    public void ForDemonstration_Binomial_SmallestN(int failures, int expected)
    {
        var size = SampleSize.ForDemonstration(0.01, 0.95, failures);

        Assert.Equal((expected, SampleSizeMethod.Binomial), (size.SampleSize, size.Method));
        Assert.InRange(size.AchievedConfidence, 0.95, 0.951);
    }

    [Fact]
    public void ForDemonstration_SmallLot_ByHand()
    {
        // N = 20, limit 10% → D = 2; P(X = 0) = (20 − n)(19 − n)/380 ≤ 0.1 ⇔ (20 − n)(19 − n) ≤ 38: n = 14 gives 30, n = 13 gives 42.
        var size = SampleSize.ForDemonstration(0.1, 0.9, population: 20);

        Assert.Equal((14, SampleSizeMethod.Hypergeometric), (size.SampleSize, size.Method));
        Assert.Equal(1 - (30.0 / 380), size.AchievedConfidence, 1e-12);
    }

    [Theory]
    [InlineData(0, 258)]
    [InlineData(1, 393)]
    public void ForDemonstration_Lot1000_NeedsFewerThanBinomial(int failures, int expected) =>
        Assert.Equal(expected, SampleSize.ForDemonstration(0.01, 0.95, failures, population: 1000).SampleSize);

    [Fact]
    public void ForDemonstration_FailuresReachDefectivesAtLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ForDemonstration(0.01, 0.95, failures: 1, population: 100));
}
