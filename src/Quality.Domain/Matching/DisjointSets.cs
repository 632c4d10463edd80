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
}
