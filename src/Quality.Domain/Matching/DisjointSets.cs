using System.Runtime.InteropServices;

namespace Quality.Domain.Matching;

/// <summary>Union–find with path halving and union by size: the connected components of an eligible-pair graph.</summary>
/// <remarks>Reusable: <see cref="Reset"/> starts over with singletons, keeping the storage of the largest count so far.</remarks>
internal sealed class DisjointSets
{
    private int[] _parent = [];
    private int[] _size = [];
    private int _count;
    private int[] _numberOf = [];
    private int[] _next = [];

    public DisjointSets(int count) => Reset(count);

    /// <summary>Makes every element of 0 … <paramref name="count"/> − 1 its own set.</summary>
    public void Reset(int count)
    {
        if (_parent.Length < count)
        {
            _parent = new int[Math.Max(count, 2 * _parent.Length)];
            _size = new int[_parent.Length];
        }

        _count = count;
        for (var element = 0; element < count; element++)
        {
            _parent[element] = element;
        }

        _size.AsSpan(0, count).Fill(1);
    }

    public int Find(int element)
    {
        while (_parent[element] != element)
        {
            _parent[element] = _parent[_parent[element]];
            element = _parent[element];
        }

        return element;
    }

    public void Union(int first, int second)
    {
        int a = Find(first), b = Find(second);
        if (a == b)
        {
            return;
        }

        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
    }

    /// <summary>
    /// Every set's elements in ascending order, the sets one after another in order of their smallest element, into
    /// <paramref name="elements"/>; set k ends before <paramref name="ends"/>[k]. Both are replaced; no other storage.
    /// </summary>
    public void Components(List<int> elements, List<int> ends)
    {
        // Each root's set number + 1 (0: not met yet), then where each set's next element goes.
        var numberOf = Grown(ref _numberOf);
        numberOf.Clear();
        ends.Clear();
        for (var element = 0; element < _count; element++)
        {
            var root = Find(element);
            if (numberOf[root] == 0)
            {
                ends.Add((ends.Count == 0 ? 0 : ends[^1]) + _size[root]);
                numberOf[root] = ends.Count;
            }
        }

        var next = Grown(ref _next);
        for (var set = 0; set < ends.Count; set++)
        {
            next[set] = set == 0 ? 0 : ends[set - 1];
        }

        elements.Clear();
        CollectionsMarshal.SetCount(elements, _count);
        var placed = CollectionsMarshal.AsSpan(elements);
        for (var element = 0; element < _count; element++)
        {
            placed[next[numberOf[Find(element)] - 1]++] = element;
        }
    }

    private Span<int> Grown(ref int[] buffer)
    {
        if (buffer.Length < _count)
        {
            buffer = new int[_parent.Length];
        }

        return buffer.AsSpan(0, _count);
    }
}
