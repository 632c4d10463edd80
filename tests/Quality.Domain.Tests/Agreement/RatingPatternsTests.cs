using System.Text.Json;
using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class RatingPatternsTests
{
    [Fact]
    public void AddUnit_SamePairsInAnyOrder_CollapseIntoOnePattern()
    {
        var patterns = new RatingPatterns();
        patterns.AddUnit([new("a", "x"), new("b", "y")]);
        patterns.AddUnit([new("b", "y"), new("a", "x")]);
        patterns.AddUnit([new("a", "y"), new("b", "x")]);

        Assert.Equal(3, patterns.Units);
        Assert.Equal(2, patterns.DistinctPatterns);
        Assert.Contains(patterns.ToState().Patterns, p => p.Units == 2);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)] // the most keys sorted by insertion
    [InlineData(40)] // sorted by Span.Sort
    public void AddNumberedUnit_KeysInAnyOrder_CollapseIntoOnePattern(int annotators)
    {
        var patterns = new RatingPatterns();
        var keys = Enumerable.Range(0, annotators)
            .Select(a => ((long)patterns.AnnotatorNumber($"a{a}") << 32) | (uint)patterns.ValueNumber($"v{a % 3}"))
            .ToArray();
        var reversed = keys.Reverse().ToArray();
        var shuffled = keys.Where((_, i) => i % 2 == 1).Concat(keys.Where((_, i) => i % 2 == 0)).ToArray();

        patterns.AddNumberedUnit(keys);
        patterns.AddNumberedUnit(reversed);
        patterns.AddNumberedUnit(shuffled);

        // One pattern of three units, its pairs in annotator order: a0 v0, a1 v1, a2 v2, a3 v0, …
        Assert.Equal(3, patterns.Units);
        Assert.Equal(1, patterns.DistinctPatterns);
        var pattern = patterns.ToState().Patterns.Single();
        Assert.Equal(3, pattern.Units);
        Assert.Equal(
            Enumerable.Range(0, annotators).Select(a => ($"a{a}", $"v{a % 3}")).OrderBy(r => r.Item1, StringComparer.Ordinal),
            pattern.Ratings.Select(r => (r.Annotator, r.Value)));
    }

    [Theory]
    [InlineData(5, 10)] // packed 4 bits an annotator, as the alpha table
    [InlineData(12, 20)] // values past 15: the packed layout widens to 5 bits
    [InlineData(14, 20)] // 14 × 5 bits do not fit 64: the general path from then on
    [InlineData(30, 3)] // annotators past 16 at 4 bits: the general path
    public void AddUnit_AnnotatorsAndValuesGrowingPastThePackedLayout_CountsEveryDistinctPatternOnce(int annotators, int values)
    {
        // 3,000 units drawn from 40 distinct patterns, pairs shuffled, the last annotator and value appearing only after
        // 2,000 units so the layout changes midway. The count of each pattern is checked against a dictionary keyed by
        // the pattern's canonical text (sorted "annotator=value" pairs), which knows nothing of the packing.
        var random = new Random(7);
        var distinct = Enumerable.Range(0, 40).Select(d => Enumerable.Range(0, annotators)
            .Where(a => a == d % annotators || random.NextDouble() < 0.6)
            .Select(a => new Rating($"a{a:D2}", $"v{random.Next(d < 20 ? values - 1 : values):D2}"))
            .ToArray()).ToArray();
        var patterns = new RatingPatterns();
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var u = 0; u < 3_000; u++)
        {
            var unit = distinct[u < 2_000 ? random.Next(20) : random.Next(40)].ToArray();
            random.Shuffle(unit);
            patterns.AddUnit(unit);
            var text = string.Join(' ', unit.Select(r => $"{r.Annotator}={r.Value}").Order(StringComparer.Ordinal));
            expected[text] = expected.GetValueOrDefault(text) + 1;
        }

        var state = patterns.ToState().Patterns.ToDictionary(p => string.Join(' ', p.Ratings.Select(r => $"{r.Annotator}={r.Value}")), p => p.Units);
        Assert.Equal(expected.Count, patterns.DistinctPatterns);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), state.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(3_000, patterns.Units);
    }

    [Fact]
    public void AddUnit_AnnotatorTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new RatingPatterns().AddUnit([new("a", "x"), new("a", "y")]));

    [Fact]
    public void AddUnit_NoValues_IsNotAUnit()
    {
        var patterns = new RatingPatterns();
        patterns.AddUnit([]);

        Assert.Equal(0, patterns.Units);
    }

    [Fact]
    public void AddUnit_SingleValue_CountsAsUnitButNotForAlpha()
    {
        var patterns = ReliabilityData.FromRows("a: 1 2 3", "b: 1 2 .");

        var alpha = KrippendorffAlpha.Compute(patterns, MeasurementLevel.Nominal);

        Assert.Equal(3, patterns.Units);
        Assert.Equal(2, alpha.Units);
        Assert.Equal(4, alpha.PairableValues);
    }

    [Fact]
    public void ToState_AnyInsertionOrder_IsTheSameCanonicalJson()
    {
        var units = ReliabilityData.Units("b: 1 2 . 3", "a: 2 2 1 .", "c: . 1 1 3");
        var forward = ReliabilityData.FromUnits(units);
        var backward = ReliabilityData.FromUnits(Enumerable.Reverse(units).Select(u => Enumerable.Reverse(u)));

        Assert.Equal(JsonSerializer.Serialize(forward.ToState()), JsonSerializer.Serialize(backward.ToState()));
    }

    [Fact]
    public void FromState_JsonRoundTrip_RestoresTheSameState()
    {
        var patterns = ReliabilityData.FromRows("a: 1 2 . 3 1", "b: 1 2 1 3 1", "c: . 1 1 3 1");
        var json = JsonSerializer.Serialize(patterns.ToState());

        var restored = RatingPatterns.FromState(JsonSerializer.Deserialize<RatingPatternsState>(json)!);

        Assert.Equal(json, JsonSerializer.Serialize(restored.ToState()));
        Assert.Equal(patterns.Units, restored.Units);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FromState_UnitsBelowOne_Throws(long units) =>
        Assert.Throws<ArgumentException>(() => RatingPatterns.FromState(new([new([new("a", "x")], units)])));

    [Fact]
    public void FromState_EmptyPattern_Throws() =>
        Assert.Throws<ArgumentException>(() => RatingPatterns.FromState(new([new([], 1)])));

    [Fact]
    public void Merge_TwoHalves_EqualsOnePass()
    {
        var units = ReliabilityData.Units("a: 1 2 . 3 1 2", "b: 1 2 1 3 1 1", "c: . 1 1 3 1 2");
        var whole = ReliabilityData.FromUnits(units);
        var merged = ReliabilityData.FromUnits(units.Take(3));
        merged.Merge(ReliabilityData.FromUnits(units.Skip(3)));

        Assert.Equal(JsonSerializer.Serialize(whole.ToState()), JsonSerializer.Serialize(merged.ToState()));
    }

    [Fact]
    public void Merge_ManyPatternsNumberedOtherwise_CountsEveryPatternAsOnePass()
    {
        // Two halves of 3,000 units over 8 annotators and 12 values, each half numbering them in its own first-seen
        // order, merged: the merged counts against a dictionary of canonical texts that knows no numbers.
        var random = new Random(8);
        var units = Enumerable.Range(0, 3_000).Select(_ => Enumerable.Range(0, 8)
            .Where(_ => random.NextDouble() < 0.5)
            .Select(a => new Rating($"a{a}", $"v{random.Next(12):D2}"))
            .ToArray()).Where(u => u.Length > 0).ToArray();
        var (first, second) = (new RatingPatterns(), new RatingPatterns());
        foreach (var unit in units.Take(1_500))
        {
            first.AddUnit(unit);
        }

        foreach (var unit in units.Skip(1_500).Reverse())
        {
            second.AddUnit(unit.Reverse());
        }

        first.Merge(second);

        var expected = units.GroupBy(u => string.Join(' ', u.Select(r => $"{r.Annotator}={r.Value}").Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var merged = first.ToState().Patterns.ToDictionary(p => string.Join(' ', p.Ratings.Select(r => $"{r.Annotator}={r.Value}")), p => p.Units);
        Assert.True(expected.Count > 1_000, $"{expected.Count} distinct patterns");
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), merged.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void AddUnit_ManyPatternsCountedBySlotThenNewValuesAndAnnotators_CountsAsADictionary()
    {
        // 24,000 units of 5 annotators over 6 values (7⁵ = 16,807 slots: counted by slot after 1,024 distinct patterns);
        // a 7th value from unit 8,000 (the slots laid out anew), the patterns read at unit 12,000 (turned back into
        // patterns), annotators a5 and a6 from unit 16,000 (8⁷ slots: too many, patterns from then on). Checked against a
        // dictionary of canonical texts that knows no numbers or slots.
        var random = new Random(11);
        var patterns = new RatingPatterns();
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySlot = new List<bool>();
        for (var u = 0; u < 24_000; u++)
        {
            var (annotators, values) = (u < 16_000 ? 5 : 7, u < 8_000 ? 6 : 7);
            var unit = Enumerable.Range(0, annotators).Where(_ => random.NextDouble() < 0.7)
                .Select(a => new Rating($"a{a}", $"v{random.Next(values)}")).ToArray();
            random.Shuffle(unit);
            patterns.AddUnit(unit);
            if (unit.Length > 0)
            {
                var text = string.Join(' ', unit.Select(r => $"{r.Annotator}={r.Value}").Order(StringComparer.Ordinal));
                expected[text] = expected.GetValueOrDefault(text) + 1;
            }

            if (u is 7_999 or 11_999 or 15_999 or 23_999)
            {
                bySlot.Add(patterns.CountsBySlot);
            }

            if (u == 12_000)
            {
                Assert.Equal(expected.Count, patterns.DistinctPatterns);
            }
        }

        Assert.Equal([true, true, true, false], bySlot);
        var state = patterns.ToState().Patterns.ToDictionary(p => string.Join(' ', p.Ratings.Select(r => $"{r.Annotator}={r.Value}")), p => p.Units);
        Assert.Equal(expected.Count, patterns.DistinctPatterns);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), state.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Values.Sum(), patterns.Units);
    }

    [Fact]
    public void Merge_ShardsCountedBySlotNumberedOtherwise_AddsSlotsAndEqualsOnePass()
    {
        // Three shards of 6,000 units over 5 annotators and 8 values (9⁵ = 59,049 slots), each numbering annotators and
        // values in its own first-seen order, merged into an empty one by slot: the same state, alpha and per-annotator
        // counts as one pass over every unit.
        var random = new Random(12);
        var units = Enumerable.Range(0, 18_000).Select(_ => Enumerable.Range(0, 5)
            .Where(_ => random.NextDouble() < 0.8)
            .Select(a => new Rating($"a{a}", $"v{random.Next(8)}"))
            .ToArray()).Where(u => u.Length > 0).ToArray();
        var onePass = new RatingPatterns();
        foreach (var unit in units)
        {
            onePass.AddUnit(unit);
        }

        var merged = new RatingPatterns();
        for (var s = 0; s < 3; s++)
        {
            var shard = new RatingPatterns();
            var part = units.Skip(s * 6_000).Take(6_000);
            foreach (var unit in s == 1 ? part.Reverse().Select(u => u.Reverse().ToArray()) : part)
            {
                shard.AddUnit(unit);
            }

            Assert.True(shard.CountsBySlot);
            merged.Merge(shard);
            Assert.True(merged.CountsBySlot);
        }

        Assert.Equal(units.Length, merged.Units);
        Assert.Equal(JsonSerializer.Serialize(onePass.ToState()), JsonSerializer.Serialize(merged.ToState()));
        Assert.Equal(KrippendorffAlpha.Compute(onePass, MeasurementLevel.Nominal).Value, KrippendorffAlpha.Compute(merged, MeasurementLevel.Nominal).Value);
        var expectedValues = units.SelectMany(u => u).GroupBy(r => r.Annotator).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count()));
        Assert.Equal(expectedValues, merged.ValuesByAnnotator().Select(a => (a.Annotator, a.Values)));
    }
}
