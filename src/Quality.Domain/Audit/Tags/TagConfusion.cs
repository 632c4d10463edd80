using Quality.Domain.Agreement.Kappa;
using Quality.Domain.Matching;

namespace Quality.Domain.Audit.Tags;

/// <summary>
/// Gold value × tagged value of one frame-tag field over gold items — one annotator's, or every annotator's pooled —
/// with a <c>null</c> tagged value for a gold item the annotator worked on but left this field untagged ("missing").
/// An accumulator: partials merge in any order to the same counts.
/// </summary>
public sealed class TagConfusion
{
    private readonly SortedDictionary<(string Gold, string? Tagged), long> _counts = new(CellOrder.Instance);

    /// <summary>Gold and tagged values seen (not "missing"), in ordinal order: the rows and columns of the table.</summary>
    public IReadOnlyList<string> Values =>
        [.. _counts.Keys.SelectMany(k => new[] { k.Gold, k.Tagged }).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The nonzero cells in (gold, tagged) order, missing after every value.</summary>
    public IEnumerable<(string Gold, string? Tagged, long Count)> Cells => _counts.Select(c => (c.Key.Gold, c.Key.Tagged, c.Value));

    /// <summary>Gold items compared: every gold value the annotator had the chance to tag, missing included.</summary>
    public long Compared => _counts.Values.Sum();

    public long Correct => _counts.Where(c => c.Key.Tagged == c.Key.Gold).Sum(c => c.Value);

    public long Missing => _counts.Where(c => c.Key.Tagged is null).Sum(c => c.Value);

    /// <param name="tagged">The annotator's value, or null when they did not tag the field on this gold item.</param>
    public void Add(string gold, string? tagged, long count = 1)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _counts[(gold, tagged)] = _counts.GetValueOrDefault((gold, tagged)) + count;
    }

    public void Merge(TagConfusion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var ((gold, tagged), count) in other._counts)
        {
            Add(gold, tagged, count);
        }
    }

    public long Count(string gold, string? tagged) => _counts.GetValueOrDefault((gold, tagged));

    /// <summary>
    /// Accuracy (correct / compared, a missing tag counting as wrong) with its Wilson interval, and Cohen's kappa of
    /// annotator against gold over the items both tagged, with the Fleiss–Cohen–Everitt (1969) large-sample standard
    /// error and its Wald interval (<see cref="CohenKappa"/>; the upper bound capped at 1).
    /// </summary>
    public TagGoldScore Score(double level = 0.95)
    {
        var values = Values;
        var index = values.Select((v, i) => (v, i)).ToDictionary(e => e.v, e => e.i, StringComparer.Ordinal);
        var counts = values.Select(_ => new long[values.Count]).ToArray();
        foreach (var ((gold, tagged), count) in _counts.Where(c => c.Key.Tagged is not null))
        {
            counts[index[gold]][index[tagged!]] += count;
        }

        var kappa = values.Count == 0
            ? null
            : CohenKappa.Compute(new ContingencyTable(values, [.. counts.Select(r => (IReadOnlyList<long>)r)]), level: level);
        if (kappa is { Defined: true, Interval.Upper: > 1 })
        {
            kappa = kappa with { Interval = kappa.Interval with { Upper = 1 } };
        }

        return new TagGoldScore(Compared, Correct, Missing, WilsonScoreInterval.Compute(Correct, Compared, level), kappa);
    }

    /// <summary>Gold value, then the tagged value with missing (null) last.</summary>
    private sealed class CellOrder : IComparer<(string Gold, string? Tagged)>
    {
        public static readonly CellOrder Instance = new();

        public int Compare((string Gold, string? Tagged) x, (string Gold, string? Tagged) y)
        {
            var gold = string.CompareOrdinal(x.Gold, y.Gold);
            if (gold != 0)
            {
                return gold;
            }

            return (x.Tagged, y.Tagged) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                var (a, b) => string.CompareOrdinal(a, b),
            };
        }
    }
}
