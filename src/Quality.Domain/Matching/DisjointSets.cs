namespace Quality.Domain.Matching;

/// <summary>Union–find with path halving and union by size: the connected components of an eligible-pair graph.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSets(int count)
    {
        _parent = [.. Enumerable.Range(0, count)];
        _size = Enumerable.Repeat(1, count).ToArray();
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
        var numberOf = new int[_parent.Length];
        var placed = new int[_parent.Length];
        var components = new List<int[]>();
        for (var element = 0; element < _parent.Length; element++)
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
