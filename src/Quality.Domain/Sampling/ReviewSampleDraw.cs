using Quality.Domain.Standards;

namespace Quality.Domain.Sampling;

/// <summary>
/// A delivery's review sample drawn from a frame that is read in parts (a shard's units at a time) three times, so that
/// finalize holds the classes' counts, the strata's sizes and the units drawn — memory bounded by the sample and the
/// strata, not by the frame. The same sample, bit for bit, as holding the frame (<see cref="AuditSampling.Draw"/>) for
/// simple random sampling within strata; risk-weighted draws hold the frame (their π sums the weights in id order).
/// </summary>
/// <remarks>
/// Pass 1 counts the units and how many contain each class (a unit's "class" stratum is its rarest class in the whole
/// frame); pass 2 counts each stratum's units, which fixes the plan's allocation and each stratum's
/// π = n_h/N_h; pass 3 keeps, per stratum, the n_h units with the smallest keys u/π (ties by id), as
/// <see cref="SequentialPoissonSampling"/> draws them. Every key is a function of (seed, unit id), so the parts may come
/// in any order and any split. Use: <see cref="Add"/> every part, <see cref="EndPass"/>, until <see cref="IsDrawn"/>.
/// </remarks>
public sealed class ReviewSampleDraw
{
    private readonly SamplingSettings _settings;
    private readonly string _seed;
    private readonly InspectionSeverity _severity;
    private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _strataSizes = new(StringComparer.Ordinal);
    private readonly string[] _parts;
    private int _pass = 1;
    private long _units;
    private SamplingPlan? _plan;
    private Dictionary<string, Stratum>? _strata;

    public ReviewSampleDraw(SamplingSettings settings, string seed, InspectionSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(seed);
        if (settings.RiskWeighted)
        {
            throw new ArgumentException("A risk-weighted draw sums the weights over the whole frame in id order; draw it with AuditSampling.Draw.", nameof(settings));
        }

        (_settings, _seed, _severity) = (settings, seed, severity);
        _parts = new string[settings.Strata.Count];
    }

    /// <summary>All three passes are done: <see cref="Result"/> is the sample.</summary>
    public bool IsDrawn => _pass > 3;

    /// <summary>One part of the frame, in the current pass; every pass must see the same units.</summary>
    public void Add(IReadOnlyList<ReviewUnit> part)
    {
        ArgumentNullException.ThrowIfNull(part);
        switch (_pass)
        {
            case 1:
                _units += part.Count;
                ReviewFrame.CountClasses(part, _classes);
                break;
            case 2:
                foreach (var unit in part)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_strataSizes, StratumOf(unit), out _)++;
                }

                break;
            case 3:
                foreach (var unit in part)
                {
                    _strata![StratumOf(unit)].Offer(unit, _seed);
                }

                break;
            default:
                throw new InvalidOperationException("The sample is drawn; read it with Result().");
        }
    }

    /// <summary>After every part was added in the current pass.</summary>
    public void EndPass()
    {
        if (_pass == 1)
        {
            var lot = checked((int)_units);
            _plan = AcceptanceSampling.Plan(Math.Max(2, lot), _settings.Aql, InspectionLevelNames.Parse(_settings.Level), _severity);
            if (lot < 2)
            {
                // Table I starts at 2 items; a lot of 0 or 1 is inspected whole under letter A's plan.
                _plan = _plan with { LotSize = lot, SampleSize = lot, InspectsWholeLot = true };
            }
        }
        else if (_pass == 2)
        {
            var keys = _strataSizes.Keys.Order(StringComparer.Ordinal).ToArray();
            var sizes = keys.Select(k => _strataSizes[k]).ToArray();
            var allocation = StratumAllocation.Allocate(sizes, [.. sizes.Select(n => (double)n)], _plan!.SampleSize, _settings.MinimumPerStratum);
            _strata = keys.Select((key, h) => new Stratum(key, sizes[h], allocation[h]))
                .ToDictionary(s => s.Key, StringComparer.Ordinal);
        }

        _pass++;
    }

    public AuditSample Result()
    {
        if (!IsDrawn)
        {
            throw new InvalidOperationException($"The draw is in pass {_pass} of 3.");
        }

        var strata = _strata!.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToArray();
        var allocated = strata.Sum(s => s.Allocated);
        return new AuditSample(
            _seed,
            "proportional+srs",
            _units,
            _settings.Strata,
            _settings.MinimumPerStratum,
            RiskWeighted: false,
            AuditPlan.From(_plan!),
            allocated,
            [.. strata.Select(s => new StratumSample(s.Key, s.Population, s.Allocated, s.Allocated))],
            [.. strata.SelectMany(s => s.Drawn())]);
    }

    private string StratumOf(ReviewUnit unit) => ReviewFrame.StratumOf(unit, _settings.Strata, _classes, _parts);

    /// <summary>One stratum's units with the n_h smallest keys so far, in a heap whose top is the largest of them.</summary>
    private sealed class Stratum(string key, int population, int allocated)
    {
        private static readonly Comparer<(double Key, string Id)> Largest = Comparer<(double Key, string Id)>.Create((x, y) =>
            y.Key.CompareTo(x.Key) is var c and not 0 ? c : string.CompareOrdinal(y.Id, x.Id));

        private readonly PriorityQueue<(ReviewUnit Unit, string Id), (double Key, string Id)> _kept = new(Largest);

        /// <summary>π of every unit of the stratum: n_h/N_h, as <see cref="SequentialPoissonSampling.TargetProbabilities"/> gives it for equal weights.</summary>
        private readonly double _pi = SequentialPoissonSampling.EqualProbability(allocated, population);

        public string Key { get; } = key;

        public int Population { get; } = population;

        public int Allocated { get; } = allocated;

        public void Offer(ReviewUnit unit, string seed)
        {
            if (Allocated == 0)
            {
                return;
            }

            var id = unit.Id;
            var priority = (_pi >= 1 ? 0 : SelectionKey.Uniform(seed, id) / _pi, id);
            if (_kept.Count < Allocated)
            {
                _kept.Enqueue((unit, id), priority);
            }
            else if (_kept.TryPeek(out _, out var largest) && Largest.Compare(priority, largest) > 0)
            {
                _kept.DequeueEnqueue((unit, id), priority);
            }
        }

        /// <summary>The units kept, in ordinal id order.</summary>
        public IEnumerable<AuditSampleItem> Drawn() => _kept.UnorderedItems
            .Select(kept => kept.Element)
            .OrderBy(kept => kept.Id, StringComparer.Ordinal)
            .Select(kept => new AuditSampleItem(kept.Id, kept.Unit.Item, kept.Unit.Annotator, Key, _pi, kept.Unit.Agreement));
    }
}
