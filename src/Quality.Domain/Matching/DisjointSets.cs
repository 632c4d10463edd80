namespace Quality.Domain.Matching;

/// <summary>Union–find with path halving and union by size: the connected components of an eligible-pair graph.</summary>
/// <remarks>Reusable: <see cref="Reset"/> starts over with singletons, keeping the storage of the largest count so far.</remarks>
internal sealed class DisjointSets
{
    private int[] _parent = [];
    private int[] _size = [];
    private int _count;

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

    /// <summary>Every set's elements in ascending order, the sets in order of their smallest element.</summary>
    public List<int[]> Components()
    {
        // Component number + 1 of each root, then how many of each component's elements are placed.
        var numberOf = new int[_count];
        var placed = new int[_count];
        var components = new List<int[]>();
        for (var element = 0; element < _count; element++)
        {
            var root = Find(element);
            if (numberOf[root] == 0)
            {
                components.Add(new int[_size[root]]);
                numberOf[root] = components.Count;
            }

            var number = numberOf[root] - 1;
            components[number][placed[number]++] = element;
        }

        return components;
    }
}
