namespace Quality.Domain.Taxonomy;

/// <summary>
/// Counts of taxonomy violations per (rule, class) over the annotations checked, with up to
/// <see cref="ExamplesPerRule"/> examples per rule: the smallest by <see cref="Violation.ExampleOrder"/>. Add and
/// <see cref="Merge"/> are associative and order-free, so shards can be tallied anywhere and combined.
/// </summary>
public sealed class ViolationTally
{
    public const int DefaultExamplesPerRule = 20;

    private readonly SortedDictionary<(string Rule, string Class), (long Violations, long Annotations)> _counts = new(KeyOrder);
    private readonly SortedDictionary<string, SortedSet<Violation>> _examples = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _checkedByClass = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _checkedByAnnotator = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Rule, string Annotator), long> _byAnnotator = new(KeyOrder);

    public ViolationTally(int examplesPerRule = DefaultExamplesPerRule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerRule);
        ExamplesPerRule = examplesPerRule;
    }

    public int ExamplesPerRule { get; private set; }

    public long AnnotationsChecked { get; private set; }

    /// <summary>Checked annotations that broke at least one rule: the numerator of the batch's violation rate.</summary>
    public long AnnotationsViolating { get; private set; }

    public long Violations => _counts.Values.Sum(c => c.Violations);

    private static Comparer<(string Rule, string Class)> KeyOrder { get; } = Comparer<(string Rule, string Class)>.Create((x, y) =>
        string.CompareOrdinal(x.Rule, y.Rule) is var c and not 0 ? c : string.CompareOrdinal(x.Class, y.Class));

    /// <summary>Counts one checked annotation with the violations found on it (none when it passed).</summary>
    /// <param name="violationsOfOneAnnotation">The violations found on the annotation.</param>
    /// <param name="checkedClass">
    /// The annotation's class as delivered (a tag's field), the denominator of its class's rates; null counts it only
    /// in the total.
    /// </param>
    /// <param name="annotator">
    /// The annotator who made it, when an annotator (not gold or a reviewer) did: per-annotator rates tell one person's
    /// habit from a rule everyone breaks. Annotators per delivery are few, so this stays small.
    /// </param>
    public void Add(IReadOnlyCollection<Violation> violationsOfOneAnnotation, string? checkedClass = null, string? annotator = null)
    {
        ArgumentNullException.ThrowIfNull(violationsOfOneAnnotation);
        AnnotationsChecked++;
        AnnotationsViolating += violationsOfOneAnnotation.Count > 0 ? 1 : 0;
        if (checkedClass is not null)
        {
            _checkedByClass[checkedClass] = _checkedByClass.GetValueOrDefault(checkedClass) + 1;
        }

        if (annotator is not null)
        {
            _checkedByAnnotator[annotator] = _checkedByAnnotator.GetValueOrDefault(annotator) + 1;
            foreach (var rule in violationsOfOneAnnotation.Select(v => v.Rule).Distinct(StringComparer.Ordinal))
            {
                _byAnnotator[(rule, annotator)] = _byAnnotator.GetValueOrDefault((rule, annotator)) + 1;
            }
        }

        foreach (var group in violationsOfOneAnnotation.GroupBy(v => (v.Rule, v.Class)))
        {
            Count(group.Key, group.LongCount(), 1);
        }

        foreach (var violation in violationsOfOneAnnotation)
        {
            Keep(violation);
        }
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s counts and examples. The merged tally keeps the smaller of the two example limits,
    /// which keeps merging associative when shards were tallied with different limits.
    /// </summary>
    public void Merge(ViolationTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AnnotationsChecked += other.AnnotationsChecked;
        AnnotationsViolating += other.AnnotationsViolating;
        foreach (var (name, count) in other._checkedByClass)
        {
            _checkedByClass[name] = _checkedByClass.GetValueOrDefault(name) + count;
        }

        foreach (var (key, count) in other._counts)
        {
            Count(key, count.Violations, count.Annotations);
        }

        AddByAnnotator(other._checkedByAnnotator, other._byAnnotator.Select(c => new AnnotatorViolationCount(c.Key.Rule, c.Key.Annotator, c.Value)));

        ExamplesPerRule = Math.Min(ExamplesPerRule, other.ExamplesPerRule);
        foreach (var violation in other._examples.Values.SelectMany(e => e))
        {
            Keep(violation);
        }

        foreach (var examples in _examples.Values)
        {
            while (examples.Count > ExamplesPerRule)
            {
                examples.Remove(examples.Max!);
            }
        }
    }

    public IReadOnlyList<ViolationCount> Counts() =>
        _counts.Select(c => new ViolationCount(c.Key.Rule, c.Key.Class, c.Value.Violations, c.Value.Annotations)).ToList();

    public IReadOnlyList<Violation> Examples(string rule) =>
        _examples.TryGetValue(rule, out var examples) ? examples.ToList() : [];

    /// <summary>Annotations checked per annotator (annotators only, not gold or reviewers).</summary>
    public IReadOnlyDictionary<string, long> CheckedByAnnotator => _checkedByAnnotator;

    /// <summary>Per (rule, annotator): that annotator's annotations breaking the rule, out of <see cref="CheckedByAnnotator"/>.</summary>
    public IReadOnlyList<AnnotatorViolationCount> ByAnnotator() =>
        _byAnnotator.Select(c => new AnnotatorViolationCount(c.Key.Rule, c.Key.Annotator, c.Value)).ToList();

    /// <summary>Annotations checked of <paramref name="checkedClass"/> (as delivered), or null when none were recorded.</summary>
    public long? Checked(string checkedClass) => _checkedByClass.TryGetValue(checkedClass, out var count) ? count : null;

    public ViolationTallyState ToState() =>
        new(ExamplesPerRule, AnnotationsChecked, Counts(), _examples.Values.SelectMany(e => e).ToList())
        {
            CheckedByClass = new SortedDictionary<string, long>(_checkedByClass, StringComparer.Ordinal),
            AnnotationsViolating = AnnotationsViolating,
            CheckedByAnnotator = new SortedDictionary<string, long>(_checkedByAnnotator, StringComparer.Ordinal),
            ByAnnotator = ByAnnotator(),
        };

    public static ViolationTally FromState(ViolationTallyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var tally = new ViolationTally(state.ExamplesPerRule)
        {
            AnnotationsChecked = state.AnnotationsChecked,
            AnnotationsViolating = state.AnnotationsViolating,
        };
        foreach (var (name, count) in state.CheckedByClass ?? new Dictionary<string, long>())
        {
            tally._checkedByClass[name] = count;
        }

        foreach (var count in state.Counts)
        {
            tally.Count((count.Rule, count.Class), count.Violations, count.Annotations);
        }

        tally.AddByAnnotator(state.CheckedByAnnotator ?? new Dictionary<string, long>(), state.ByAnnotator ?? []);

        foreach (var example in state.Examples)
        {
            tally.Keep(example);
        }

        return tally;
    }

    /// <summary>The API's page: every rule's totals, rate and examples; the (rule, class) counts paged.</summary>
    public ViolationTallyView ToView(string? rule = null, int offset = 0, int limit = 100) => ViolationTallyView.From(this, rule, offset, limit);

    private void AddByAnnotator(IReadOnlyDictionary<string, long> checkedByAnnotator, IEnumerable<AnnotatorViolationCount> counts)
    {
        foreach (var (annotator, count) in checkedByAnnotator)
        {
            _checkedByAnnotator[annotator] = _checkedByAnnotator.GetValueOrDefault(annotator) + count;
        }

        foreach (var count in counts)
        {
            _byAnnotator[(count.Rule, count.Annotator)] = _byAnnotator.GetValueOrDefault((count.Rule, count.Annotator)) + count.Annotations;
        }
    }

    private void Count((string Rule, string Class) key, long violations, long annotations)
    {
        var current = _counts.GetValueOrDefault(key);
        _counts[key] = (current.Violations + violations, current.Annotations + annotations);
    }

    private void Keep(Violation violation)
    {
        if (ExamplesPerRule == 0)
        {
            return;
        }

        if (!_examples.TryGetValue(violation.Rule, out var examples))
        {
            _examples[violation.Rule] = examples = new SortedSet<Violation>(Violation.ExampleOrder);
        }

        examples.Add(violation);
        if (examples.Count > ExamplesPerRule)
        {
            examples.Remove(examples.Max!);
        }
    }
}
