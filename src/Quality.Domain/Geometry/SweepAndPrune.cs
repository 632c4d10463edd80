namespace Quality.Domain.Geometry;

/// <summary>Candidate pairs between two sets of BEV rectangles: those whose bounding circles overlap.</summary>
/// <remarks>
/// <para>
/// Sort and sweep (Baraff 1992, "sweep and prune") on x: each circle's x-interval [x − r, x + r] enters the sweep at
/// its left end; an interval from one set is tested only against the still-active intervals of the other set, and
/// intervals that ended before the current left end leave the active list. Survivors of the x test are kept when the
/// circles themselves overlap (centre distance &lt; r₁ + r₂), the same predicate <see cref="Overlap"/> rejects with.
/// </para>
/// <para>
/// O((n + m) log(n + m) + k) for k pairs whose x-intervals overlap. Every pair left out shares no area with positive
/// measure (IoU 0). Pairs come sorted by first index, then second, whatever the input order.
/// </para>
/// </remarks>
public static class SweepAndPrune
{
    public static IReadOnlyList<CandidatePair> Candidates(IReadOnlyList<RotatedRectangle> first, IReadOnlyList<RotatedRectangle> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var pairs = new List<CandidatePair>();
        new Sweep().Candidates([.. first], [.. second], pairs);
        return pairs;
    }

    /// <summary>
    /// The sweep's working storage, kept by a caller that sweeps item after item (an audit sweeps every annotator pair of
    /// every frame): it grows to the largest item and is then reused, so a frame's sweeps allocate nothing.
    /// </summary>
    internal sealed class Sweep
    {
        private Entry[] _entries = [];
        // The active intervals by their place in the sorted entries (a third of an entry's size).
        private readonly List<int> _activeFirst = [];
        private readonly List<int> _activeSecond = [];

        /// <summary>Replaces <paramref name="pairs"/>' contents with the candidate pairs, sorted by first index, then second.</summary>
        public void Candidates(ReadOnlySpan<RotatedRectangle> first, ReadOnlySpan<RotatedRectangle> second, List<CandidatePair> pairs)
        {
            pairs.Clear();
            var count = first.Length + second.Length;
            if (_entries.Length < count)
            {
                _entries = new Entry[Math.Max(count, 2 * _entries.Length)];
            }

            var entries = _entries.AsSpan(0, count);
            for (var i = 0; i < first.Length; i++)
            {
                entries[i] = Entry.Of(first[i], i, fromFirst: true, nameof(first));
            }

            for (var j = 0; j < second.Length; j++)
            {
                entries[first.Length + j] = Entry.Of(second[j], j, fromFirst: false, nameof(second));
            }

            entries.Sort(static (p, q) => p.Left.CompareTo(q.Left));
            _activeFirst.Clear();
            _activeSecond.Clear();
            for (var e = 0; e < entries.Length; e++)
            {
                var entry = entries[e];
                var (mine, others) = entry.FromFirst ? (_activeFirst, _activeSecond) : (_activeSecond, _activeFirst);
                var rectangle = entry.FromFirst ? first[entry.Index] : second[entry.Index];
                for (var k = others.Count - 1; k >= 0; k--)
                {
                    var other = entries[others[k]];
                    if (other.Right <= entry.Left)
                    {
                        others[k] = others[^1];
                        others.RemoveAt(others.Count - 1);
                    }
                    else if (RotatedRectangle.BoundingCirclesOverlap(rectangle, entry.FromFirst ? second[other.Index] : first[other.Index]))
                    {
                        pairs.Add(entry.FromFirst ? new(entry.Index, other.Index) : new(other.Index, entry.Index));
                    }
                }

                mine.Add(e);
            }

            pairs.Sort(static (p, q) => p.First != q.First ? p.First.CompareTo(q.First) : p.Second.CompareTo(q.Second));
        }
    }

    /// <summary>A rectangle's x-interval and where it is (its set and index): a quarter of the rectangle's size to sort.</summary>
    private readonly record struct Entry(int Index, bool FromFirst, double Left, double Right)
    {
        public static Entry Of(RotatedRectangle rectangle, int index, bool fromFirst, string paramName)
        {
            rectangle.ThrowIfInvalid(paramName);
            var radius = rectangle.BoundingRadius;
            return new Entry(index, fromFirst, rectangle.X - radius, rectangle.X + radius);
        }
    }
}
