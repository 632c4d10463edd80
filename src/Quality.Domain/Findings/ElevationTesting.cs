namespace Quality.Domain.Findings;

/// <summary>The one-sided elevation test of a delivery's pooled rate against history or an acceptable rate.</summary>
/// <remarks>
/// With a baseline of E₀ errors in N₀ opportunities: Fisher's exact test (<see cref="FisherExactTest"/>) of the 2 × 2
/// table delivery vs history — exact at any count, and it accounts for the uncertainty of the historical rate, which a
/// binomial test against E₀/N₀ as if known would not. Without a baseline and with
/// <see cref="ErrorSourceOptions.MaxAcceptableRate"/> r: the exact binomial test P(Y ≥ E | N, r). Otherwise not tested.
/// </remarks>
internal static class ElevationTesting
{
    public const string Fisher = "fisher-exact";
    public const string Binomial = "binomial-exact";

    public static ElevationTest Test(long errors, long opportunities, BaselineRate? baseline, double? maxAcceptableRate)
    {
        if (baseline is { Opportunities: > 0 } history)
        {
            var reference = history.Rate;
            var expected = opportunities * (double)(errors + history.Errors) / (opportunities + history.Opportunities);
            var p = FisherExactTest.UpperTail(errors, opportunities, history.Errors, history.Opportunities);
            return new ElevationTest(Fisher, reference, Ratio(errors, opportunities, reference), errors, expected, p, double.NaN);
        }

        if (maxAcceptableRate is { } rate)
        {
            var p = BinomialTail.Upper(errors, opportunities, rate);
            return new ElevationTest(Binomial, rate, Ratio(errors, opportunities, rate), errors, opportunities * rate, p, double.NaN);
        }

        return ElevationTest.NotTested(errors);
    }

    /// <summary>The same test's p-value with one annotator's counts removed from the delivery.</summary>
    public static double PValueWithout(ElevationTest test, long errors, long opportunities, BaselineRate? baseline) =>
        test.Method switch
        {
            Fisher => FisherExactTest.UpperTail(errors, opportunities, baseline!.Value.Errors, baseline.Value.Opportunities),
            Binomial => BinomialTail.Upper(errors, opportunities, test.ReferenceRate),
            _ => double.NaN,
        };

    private static double Ratio(long errors, long opportunities, double reference)
    {
        var rate = opportunities > 0 ? (double)errors / opportunities : double.NaN;
        return rate / reference;
    }
}
