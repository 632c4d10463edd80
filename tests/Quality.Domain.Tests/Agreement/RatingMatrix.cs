using FsCheck;
using FsCheck.Fluent;
using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

/// <summary>Generated reliability data: units of (annotator, value) ratings with missing values.</summary>
public sealed record RatingMatrix(IReadOnlyList<IReadOnlyList<Rating>> Units)
{
    /// <summary>Numbers, so that every measurement level applies; "4.5" makes interval and ordinal differ.</summary>
    public static readonly string[] Values = ["0", "1", "2", "3", "4.5"];

    public RatingPatterns Patterns() => ReliabilityData.FromUnits(Units);

    public override string ToString() =>
        string.Join(" | ", Units.Select(u => string.Join(",", u.Select(r => $"{r.Annotator}={r.Value}"))));
}

/// <summary>FsCheck generators for <see cref="RatingMatrix"/>.</summary>
public static class RatingGenerators
{
    public static Arbitrary<RatingMatrix> Matrix()
    {
        var cell = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Gen.Elements<string?>(RatingMatrix.Values)));
        return Gen.Choose(2, 5)
            .SelectMany(annotators => Gen.Choose(1, 40).SelectMany(units => Gen.ArrayOf(Gen.ArrayOf(cell, annotators), units)))
            .Select(rows => new RatingMatrix(rows
                .Select(row => (IReadOnlyList<Rating>)row
                    .Select((value, a) => (value, a))
                    .Where(c => c.value is not null)
                    .Select(c => new Rating($"a{c.a}", c.value!))
                    .ToList())
                .ToList()))
            .ToArbitrary();
    }
}
