namespace Quality.Domain.Spc;

/// <summary>The patterns the Western Electric and Nelson rules are made of, over standardised points z.</summary>
/// <remarks>
/// "Beyond kσ" is strict (|z| &gt; k); "within 1σ" is its complement (|z| ≤ 1); z = 0 is on neither side and breaks
/// a same-side run; equal neighbours break a trend or an alternation; NaN satisfies nothing and breaks every run.
/// One signal per point that completes a pattern, naming the points involved.
/// </remarks>
internal static class RulePatterns
{
    public static void Beyond(IReadOnlyList<double> z, double k, SpcRule rule, List<ControlSignal> signals)
    {
        for (var i = 0; i < z.Count; i++)
        {
            if (Math.Abs(z[i]) > k)
            {
                signals.Add(new ControlSignal(rule, [i + 1]));
            }
        }
    }

    /// <summary>At least <paramref name="count"/> of <paramref name="window"/> successive points beyond kσ on one side, the last among them.</summary>
    public static void CountInWindow(IReadOnlyList<double> z, int count, int window, double k, SpcRule rule, List<ControlSignal> signals)
    {
        for (var i = 0; i < z.Count; i++)
        {
            if (!(Math.Abs(z[i]) > k))
            {
                continue;
            }

            var side = Math.Sign(z[i]);
            var points = new List<int>();
            for (var j = Math.Max(0, i - window + 1); j <= i; j++)
            {
                if (side * z[j] > k)
                {
                    points.Add(j + 1);
                }
            }

            if (points.Count >= count)
            {
                signals.Add(new ControlSignal(rule, points));
            }
        }
    }

    /// <summary>Signals at each point where <paramref name="runLengths"/> reaches <paramref name="length"/>, naming the last <paramref name="length"/> points.</summary>
    public static void Runs(
        int[] runLengths, int length, SpcRule rule, List<ControlSignal> signals, Func<int, int, bool>? accept = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        for (var i = 0; i < runLengths.Length; i++)
        {
            var first = i - length + 1;
            if (runLengths[i] >= length && (accept is null || accept(first, i)))
            {
                signals.Add(new ControlSignal(rule, [.. Enumerable.Range(first + 1, length)]));
            }
        }
    }

    public static int[] SameSide(IReadOnlyList<double> z) =>
        RunLengths(z.Count, i => z[i] != 0 && !double.IsNaN(z[i]), i => Math.Sign(z[i]) == Math.Sign(z[i - 1]));

    public static int[] Trend(IReadOnlyList<double> z)
    {
        var up = RunLengths(z.Count, i => !double.IsNaN(z[i]), i => z[i] > z[i - 1]);
        var down = RunLengths(z.Count, i => !double.IsNaN(z[i]), i => z[i] < z[i - 1]);
        return [.. up.Zip(down, Math.Max)];
    }

    public static int[] Alternating(IReadOnlyList<double> z)
    {
        var runs = new int[z.Count];
        for (var i = 0; i < z.Count; i++)
        {
            if (double.IsNaN(z[i]))
            {
                continue;
            }

            var step = i > 0 ? Step(z, i) : 0;
            runs[i] = step == 0 ? 1 : i > 1 && Step(z, i - 1) == -step ? runs[i - 1] + 1 : 2;
        }

        return runs;
    }

    public static int[] Within(IReadOnlyList<double> z, double k) => RunLengths(z.Count, i => Math.Abs(z[i]) <= k, _ => true);

    public static int[] Outside(IReadOnlyList<double> z, double k) => RunLengths(z.Count, i => Math.Abs(z[i]) > k, _ => true);

    private static int Step(IReadOnlyList<double> z, int i) =>
        z[i] > z[i - 1] ? 1 : z[i] < z[i - 1] ? -1 : 0;

    /// <summary>Run length ending at each point: 0 if the point does not qualify, else 1 + the previous run when it continues it.</summary>
    private static int[] RunLengths(int count, Func<int, bool> qualifies, Func<int, bool> continues)
    {
        var runs = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (qualifies(i))
            {
                runs[i] = i > 0 && runs[i - 1] > 0 && continues(i) ? runs[i - 1] + 1 : 1;
            }
        }

        return runs;
    }
}
