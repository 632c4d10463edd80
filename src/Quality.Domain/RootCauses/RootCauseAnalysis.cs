using Quality.Domain.Audit;
using Quality.Domain.Findings;

namespace Quality.Domain.RootCauses;

/// <summary>
/// Where errors concentrate: every error kind's rate by every stratum (<see cref="StratumEffects"/>), two-way
/// interactions of the strongest strata, each family of tests under Benjamini–Hochberg, ranked by excess errors, each
/// concentration attributed to the system or to individuals (<see cref="AnnotatorSpreadTest"/>). docs/findings.md,
/// "Where errors concentrate", states the method and its measured false-discovery behaviour.
/// </summary>
public static class RootCauseAnalysis
{
    /// <summary>Two passes over <paramref name="rows"/> (it is enumerated twice): strata, then the interactions of the strongest.</summary>
    public static RootCauseReport Analyse(IEnumerable<EvidencePair> rows, RootCauseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new RootCauseOptions();
        return Analyse(Tally(rows, () => StrataTally.Strata(options)), rows, options);
    }

    /// <summary>
    /// The same report from the first pass's tally, made as the rows were (<see cref="SpilledEvidenceCollection.Strata"/>), and
    /// one more pass over <paramref name="rows"/> for the interactions of the strongest strata, when there are any.
    /// </summary>
    /// <param name="strata">Every row's strata, tallied in row order under <paramref name="options"/>.</param>
    public static RootCauseReport Analyse(StrataTally strata, IEnumerable<EvidencePair> rows, RootCauseOptions options)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(rows);
        var effects = StratumEffects.Test(strata, options);
        var interactions = effects.InteractionTally() is null ? null : Tally(rows, () => effects.InteractionTally()!);
        return Finish(effects, interactions);
    }

    /// <summary>
    /// A tally of <paramref name="rows"/>; on every core when they are a list or spilled (<see cref="SpilledEvidenceCollection.TallyRuns"/>):
    /// runs of rows tallied apart and merged in row order, which gives the one-pass tally exactly (counts, and the first
    /// error rows in row order).
    /// </summary>
    private static StrataTally Tally(IEnumerable<EvidencePair> rows, Func<StrataTally> empty)
    {
        var runs = Runs(rows);
        var parts = new StrataTally[runs.Count];
        Parallel.For(0, runs.Count, run =>
        {
            var tally = empty();
            runs[run](tally);
            parts[run] = tally;
        });
        foreach (var part in parts.Skip(1))
        {
            parts[0].Merge(part);
        }

        return parts[0];
    }

    /// <summary>
    /// The rows as runs that follow each other, each adding its rows to a tally: up to four per core of at least
    /// <see cref="MinimumRowsPerRun"/> rows, else one.
    /// </summary>
    private static IReadOnlyList<Action<StrataTally>> Runs(IEnumerable<EvidencePair> rows)
    {
        var runs = Math.Min(Environment.ProcessorCount * 4, rows.TryGetNonEnumeratedCount(out var count) ? count / MinimumRowsPerRun : 1);
        return rows switch
        {
            SpilledEvidenceCollection spilled => spilled.TallyRuns(runs),
            IReadOnlyList<EvidencePair> list when runs > 1 => [.. Enumerable.Range(0, runs).Select(run => (Action<StrataTally>)(tally =>
                AddAll(tally, Range(list, list.Count * run / runs, list.Count * (run + 1) / runs))))],
            _ => [tally => AddAll(tally, rows)],
        };
    }

    private static void AddAll(StrataTally tally, IEnumerable<EvidencePair> rows)
    {
        foreach (var row in rows)
        {
            tally.Add(row);
        }
    }

    private static IEnumerable<EvidencePair> Range(IReadOnlyList<EvidencePair> list, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            yield return list[i];
        }
    }

    /// <summary>Below this many rows a run costs more to schedule and merge than it saves; a spill's runs start at its checkpoints, as many rows apart.</summary>
    private const int MinimumRowsPerRun = SpilledEvidenceCollection.RowsPerCheckpoint;

    /// <summary>The report from the first pass and the second pass's tally (null when <see cref="StratumEffects.InteractionTally"/> was).</summary>
    public static RootCauseReport Finish(StratumEffects effects, StrataTally? interactions)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var options = effects.Options;
        var cells = new List<(CellKey Key, CellCounts Counts, Dictionary<string, (long, long)> Table, long Errors, long Opportunities)>();
        foreach (var table in interactions?.Ordered.GroupBy(c => c.Key.Table) ?? [])
        {
            var totals = StratumEffects.Totals(table.Select(c => c.Value));
            long errors = table.Sum(c => c.Value.Errors), opportunities = table.Sum(c => c.Value.Opportunities);
            foreach (var (key, counts) in table.Where(c => c.Value.Opportunities < opportunities))
            {
                cells.Add((key, counts, totals, errors, opportunities));
            }
        }

        // Each cell's test on its own (a sum of up to a table's errors in terms): on every core, in cell order, the
        // log-factorials of its terms (up to a table's opportunities) filled once beforehand.
        FisherExactTest.Reserve(cells.Count == 0 ? 0 : cells.Max(c => c.Opportunities));
        var pValues = new double[cells.Count];
        Parallel.For(0, cells.Count, i =>
        {
            var (_, counts, _, errors, opportunities) = cells[i];
            pValues[i] = FisherExactTest.UpperTail(counts.Errors, counts.Opportunities, errors - counts.Errors, opportunities - counts.Opportunities);
        });
        var q = MultipleTesting.Adjust(pValues, MultipleTestingProcedure.BenjaminiHochberg);
        var tested = new List<InteractionCell>();
        var ranked = new List<Concentration>(effects.Concentrations);
        for (var i = 0; i < cells.Count; i++)
        {
            var (key, counts, table, _, _) = cells[i];
            var p = pValues[i];
            var where = new[] { new StratumCondition(key.Stratum, key.Level), new StratumCondition(key.Other!, key.OtherLevel!) };
            var concentration = q[i] <= options.Alpha && IsSharper(key, counts, effects)
                ? ConcentrationBuilder.Build(key.Kind, where, counts, table, "fisher-exact", p, q[i], options)
                : null;
            if (concentration is not null)
            {
                ranked.Add(concentration);
            }

            var rate = StratumEffects.Rate(key.Level, counts.Errors, counts.Opportunities);
            long restErrors = table.Values.Sum(t => t.Item1) - counts.Errors, restOpportunities = table.Values.Sum(t => t.Item2) - counts.Opportunities;
            tested.Add(new InteractionCell(key.Kind, where, counts.Errors, counts.Opportunities, rate.Rate, rate.RateCi95,
                (double)restErrors / restOpportunities, p, q[i], concentration is not null));
        }

        return new RootCauseReport(
            Distinct(ranked.OrderByDescending(c => c.ExcessErrors).ThenBy(c => c.QValue).ThenBy(c => ConcentrationWording.Where(c.Where), StringComparer.Ordinal)),
            effects.Tests,
            tested)
        {
            Method = Method(options),
        };
    }

    /// <summary>
    /// Concentrations of one kind with the same counts in total, elsewhere and per annotator select the same objects
    /// (strata that coincide, as class and size do): the first in rank is kept and names the others in <see cref="Concentration.SameAs"/>.
    /// </summary>
    private static List<Concentration> Distinct(IEnumerable<Concentration> ranked)
    {
        var kept = new List<Concentration>();
        foreach (var concentration in ranked)
        {
            var same = kept.FindIndex(k => k.ErrorKind == concentration.ErrorKind && k.Errors == concentration.Errors && k.Opportunities == concentration.Opportunities
                && k.RestErrors == concentration.RestErrors && k.Annotators.PerAnnotator.SequenceEqual(concentration.Annotators.PerAnnotator));
            if (same < 0)
            {
                kept.Add(concentration);
            }
            else
            {
                kept[same] = kept[same] with { SameAs = [.. kept[same].SameAs, ConcentrationWording.Where(concentration.Where)] };
            }
        }

        return kept;
    }

    /// <summary>An interaction cell says more than its levels alone when its rate is ≥ sharpening × each level's rate.</summary>
    private static bool IsSharper(CellKey key, CellCounts cell, StratumEffects effects)
    {
        var rate = (double)cell.Errors / cell.Opportunities;
        return new[] { new CellKey(key.Kind, key.Stratum, key.Level), new CellKey(key.Kind, key.Other!, key.OtherLevel!) }.All(level =>
            effects.Tally.Cells.TryGetValue(level, out var alone) && rate >= effects.Options.InteractionSharpening * alone.Errors / alone.Opportunities);
    }

    public static string Method(RootCauseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return FormattableString.Invariant(
            $"Per error kind and stratum, Pearson's χ² homogeneity of the levels' rates (Monte Carlo, {options.MonteCarloReplicates} tables, below an expected count of 5); ") +
            FormattableString.Invariant($"Benjamini–Hochberg at q ≤ {options.Alpha} over all (kind, stratum) tests, and separately over the interaction cells (one-sided Fisher exact, cell vs rest). ") +
            FormattableString.Invariant($"A concentration is the worst level (highest Wilson lower bound) at ≥ {1 + options.MinimumElevation}× the rest's rate; ") +
            FormattableString.Invariant($"an interaction cell also at ≥ {options.InteractionSharpening}× each of its levels alone. Localisation error: IoU below τ(gold class) + {options.LocalisationMargin}. ") +
            "System (structural) when the annotators inside are homogeneous and most are above their own rate elsewhere.";
    }
}
