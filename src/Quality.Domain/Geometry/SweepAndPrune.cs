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
        var entries = new Entry[first.Count + second.Count];
        for (var i = 0; i < first.Count; i++)
        {
            entries[i] = Entry.Of(first[i], i, fromFirst: true, nameof(first));
        }

        for (var j = 0; j < second.Count; j++)
        {
            entries[first.Count + j] = Entry.Of(second[j], j, fromFirst: false, nameof(second));
        }

        Array.Sort(entries, static (p, q) => p.Left.CompareTo(q.Left));
        // The active intervals by their place in the sorted entries (a third of an entry's size), sized once: an
        // interval is active at most once.
        var activeFirst = new List<int>(first.Count);
        var activeSecond = new List<int>(second.Count);
        var pairs = new List<CandidatePair>();
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = entries[e];
            var (mine, others) = entry.FromFirst ? (activeFirst, activeSecond) : (activeSecond, activeFirst);
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
        return pairs;
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
