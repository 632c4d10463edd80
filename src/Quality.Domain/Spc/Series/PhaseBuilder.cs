namespace Quality.Domain.Spc.Series;

/// <summary>Charts one phase of a series and maps it back to whole-series indices.</summary>
internal sealed class PhaseBuilder(IReadOnlyList<SeriesPoint> series, int start, int end, int index, SeriesChartOptions options)
{
    private readonly SeriesPoint[] _points = [.. series.Skip(start).Take(end - start + 1)];

    public SeriesPhase Build(List<SeriesChartPoint> charted, List<ControlSignal> signals)
    {
        var key = _points[0].Phase;
        if (_points.Length < options.EffectiveMinimumBaseline)
        {
            for (var i = 0; i < _points.Length; i++)
            {
                charted.Add(Point(i, new ChartPoint(Statistic(i), double.NaN, double.NaN, double.NaN, double.NaN), true, false, null));
            }

            return new SeriesPhase(key, index, start + 1, end + 1, PhaseStatus.WarmingUp, 0, null);
        }

        var baseline = Math.Min(options.BaselineLength, _points.Length);
        var chart = Chart(baseline);
        var excluded = chart.Estimate.Excluded.ToHashSet();
        for (var i = 0; i < _points.Length; i++)
        {
            charted.Add(Point(i, chart.Points[i], i < baseline, excluded.Contains(i + 1), chart));
        }

        signals.AddRange(chart.Signals.Select(s => SeriesRules.Shift(s, start)));
        if (chart.RulesApply)
        {
            signals.AddRange(SeriesRules.Evaluate([.. chart.Points.Select(p => p.Z)], options).Select(s => SeriesRules.Shift(s, start)));
        }

        var status = _points.Length > options.BaselineLength ? PhaseStatus.PhaseII : PhaseStatus.PhaseI;
        var estimate = chart.Estimate with
        {
            Excluded = [.. chart.Estimate.Excluded.Select(p => p + start)],
            Retained = [.. chart.Estimate.Retained.Select(p => p + start)],
        };
        return new SeriesPhase(key, index, start + 1, end + 1, status, baseline, estimate)
        {
            IsProvisional = baseline < options.BaselineLength,
            SigmaZ = chart.Laney?.SigmaZ,
            Dispersion = chart.Laney?.Dispersion,
            Note = chart.Laney?.Note,
            DecisionInterval = chart.DecisionInterval,
        };
    }

    private PhaseChart Chart(int baseline) => options.Chart switch
    {
        ChartKind.P => AttributePhase.Chart(Counts(), Sizes(), baseline, AttributeModel.Binomial, options.MaxIterations, Causes()),
        ChartKind.U => AttributePhase.Chart(Counts(), Sizes(), baseline, AttributeModel.Poisson, options.MaxIterations, Causes()),
        ChartKind.LaneyP => LaneyPhase.Chart(Counts(), Sizes(), baseline, AttributeModel.Binomial, options, HasCause),
        ChartKind.LaneyU => LaneyPhase.Chart(Counts(), Sizes(), baseline, AttributeModel.Poisson, options, HasCause),
        _ => ContinuousPhase.Chart([.. _points.Select(p => p.Value!.Value)], baseline, options, HasCause),
    };

    /// <summary>Whether the phase's point i (0-based) has an assignable cause (<see cref="SeriesPoint.AssignableCause"/>).</summary>
    private bool HasCause(int i) => _points[i].AssignableCause is not null;

    /// <summary>Phase-local 1-based indices of the points with an assignable cause.</summary>
    private HashSet<int> Causes() => [.. Enumerable.Range(0, _points.Length).Where(HasCause).Select(i => i + 1)];

    private SeriesChartPoint Point(int i, ChartPoint point, bool inBaseline, bool excluded, PhaseChart? chart)
    {
        var cusum = options.Chart == ChartKind.Cusum;
        return new SeriesChartPoint(
            start + i + 1, _points[i].Label, _points[i].Phase, index, point.Value, point.Center, point.Lower, point.Upper, point.Z, inBaseline, excluded)
        {
            AssignableCause = _points[i].AssignableCause,
            MovingRange = options.Chart == ChartKind.Individuals ? MovingRange(i) : null,
            CusumUpper = cusum ? chart?.Cusum?.Upper.Points[i].Value ?? double.NaN : null,
            CusumLower = cusum ? chart?.Cusum?.Lower.Points[i].Value ?? double.NaN : null,
            DecisionInterval = cusum ? chart?.DecisionInterval ?? double.NaN : null,
        };
    }

    private double Statistic(int i) =>
        options.Chart.IsAttribute() ? _points[i].Count!.Value / _points[i].Size!.Value : _points[i].Value!.Value;

    private double MovingRange(int i) => i == 0 ? double.NaN : Math.Abs(_points[i].Value!.Value - _points[i - 1].Value!.Value);

    private double[] Counts() => [.. _points.Select(p => p.Count!.Value)];

    private double[] Sizes() => [.. _points.Select(p => p.Size!.Value)];
}
