namespace Quality.Domain.Matching;

/// <summary>The exact maximum-weight matching of one connected component, with the lexicographic tie rule.</summary>
/// <remarks>
/// <para>
/// The rectangular problem (n lefts, m rights, integer weights w &gt; 0 on eligible pairs) becomes a square
/// assignment of size n + m: left i may take right j at cost −w_ij or its own dummy column at cost 0, dummy row j
/// may take right j at cost 0, and dummy rows and dummy columns meet at cost 0. Leaving an object unmatched is then
/// an ordinary assignment, so every maximum-weight matching is a minimum-cost assignment and back. The assignment is
/// solved with the shortest-augmenting-path Hungarian method (Kuhn 1955; Jonker &amp; Volgenant 1987), one row at a
/// time with dual potentials, O((n + m)³), in exact integer arithmetic.
/// </para>
/// <para>
/// Ties: the potentials u, v it ends with are an optimal dual, so by complementary slackness the optimal assignments
/// are exactly the perfect matchings of the tight edges (u_r + v_c = cost_rc). Lefts are then fixed in ascending
/// index, each to the smallest right index it can take in an optimal matching given the lefts before it (unmatched
/// counting as after every right): a candidate is accepted when an alternating cycle of tight edges through it avoids
/// the fixed rows and columns. The result is the optimal matching whose vector of right indices by left index is
/// lexicographically smallest — unique, whatever the solver's path.
/// </para>
/// </remarks>
internal sealed class ComponentAssignment
{
    private const long Infinity = long.MaxValue / 4;

    private readonly long[,] _weight;
    private readonly int _lefts;
    private readonly int _rights;
    private readonly int _size;
    private readonly long[] _u;
    private readonly long[] _v;
    private readonly int[] _rowOfColumn;
    private readonly int[] _columnOfRow;

    private ComponentAssignment(long[,] weight)
    {
        _weight = weight;
        _lefts = weight.GetLength(0);
        _rights = weight.GetLength(1);
        _size = _lefts + _rights;
        _u = new long[_size];
        _v = new long[_size];
        _rowOfColumn = new int[_size];
        _columnOfRow = new int[_size];
    }

    /// <param name="weight">Eligible pairs' weights in similarity units; 0 marks an ineligible pair.</param>
    /// <returns>For each left, its right, or −1 when unmatched.</returns>
    public static int[] Solve(long[,] weight)
    {
        var assignment = new ComponentAssignment(weight);
        assignment.Hungarian();
        assignment.PreferSmallestRights();
        return [.. Enumerable.Range(0, assignment._lefts).Select(i => assignment._columnOfRow[i] < assignment._rights ? assignment._columnOfRow[i] : -1)];
    }

    private bool TryCost(int row, int column, out long cost)
    {
        cost = 0;
        if (row < _lefts)
        {
            if (column >= _rights)
            {
                return column - _rights == row;
            }

            cost = -_weight[row, column];
            return _weight[row, column] > 0;
        }

        return column >= _rights || column == row - _lefts;
    }

    private bool IsTight(int row, int column) => TryCost(row, column, out var cost) && _u[row] + _v[column] == cost;

    // Shortest augmenting paths, one row at a time; arrays are 1-based inside (index 0 is the virtual start column).
    private void Hungarian()
    {
        var n = _size;
        var u = new long[n + 1];
        var v = new long[n + 1];
        var rowOf = new int[n + 1];
        var way = new int[n + 1];
        var minimum = new long[n + 1];
        var used = new bool[n + 1];
        for (var row = 1; row <= n; row++)
        {
            rowOf[0] = row;
            var column = 0;
            Array.Fill(minimum, Infinity);
            Array.Clear(used);
            do
            {
                used[column] = true;
                int from = rowOf[column], next = 0;
                var delta = Infinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    if (TryCost(from - 1, j - 1, out var cost) && cost - u[from] - v[j] < minimum[j])
                    {
                        minimum[j] = cost - u[from] - v[j];
                        way[j] = column;
                    }

                    if (minimum[j] < delta)
                    {
                        delta = minimum[j];
                        next = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minimum[j] -= delta;
                    }
                }

                column = next;
            }
            while (rowOf[column] != 0);

            do
            {
                var previous = way[column];
                rowOf[column] = rowOf[previous];
                column = previous;
            }
            while (column != 0);
        }

        for (var j = 1; j <= n; j++)
        {
            _rowOfColumn[j - 1] = rowOf[j] - 1;
            _columnOfRow[rowOf[j] - 1] = j - 1;
            _u[j - 1] = u[j];
            _v[j - 1] = v[j];
        }
    }

    private void PreferSmallestRights()
    {
        var fixedRow = new bool[_size];
        var fixedColumn = new bool[_size];
        for (var left = 0; left < _lefts; left++)
        {
            var options = Enumerable.Range(0, _rights).Where(j => _weight[left, j] > 0).Append(_rights + left);
            foreach (var column in options)
            {
                if (column == _columnOfRow[left] || (!fixedColumn[column] && IsTight(left, column) && TryRotate(left, column, fixedRow, fixedColumn)))
                {
                    fixedRow[left] = true;
                    fixedColumn[column] = true;
                    break;
                }
            }
        }
    }

    // Looks for an alternating cycle: left → column, its current row → … → left's current column, over tight edges
    // of rows and columns not yet fixed; applies it when found.
    private bool TryRotate(int left, int column, bool[] fixedRow, bool[] fixedColumn)
    {
        var target = _columnOfRow[left];
        var start = _rowOfColumn[column];
        var parentColumn = new int[_size];
        var parentRow = new int[_size];
        var visitedRow = new bool[_size];
        var visitedColumn = new bool[_size];
        var queue = new Queue<int>();
        queue.Enqueue(start);
        visitedRow[start] = true;
        visitedRow[left] = true;
        while (queue.Count > 0)
        {
            var row = queue.Dequeue();
            for (var c = 0; c < _size; c++)
            {
                if (c == column || fixedColumn[c] || visitedColumn[c] || !IsTight(row, c))
                {
                    continue;
                }

                visitedColumn[c] = true;
                if (c == target)
                {
                    Rotate(left, column, start, row, c, parentColumn, parentRow);
                    return true;
                }

                var nextRow = _rowOfColumn[c];
                if (!visitedRow[nextRow] && !fixedRow[nextRow])
                {
                    visitedRow[nextRow] = true;
                    parentColumn[nextRow] = c;
                    parentRow[nextRow] = row;
                    queue.Enqueue(nextRow);
                }
            }
        }

        return false;
    }

    private void Rotate(int left, int column, int start, int lastRow, int lastColumn, int[] parentColumn, int[] parentRow)
    {
        // Walk back from the last row: each row takes the column found after it and hands the one it held
        // (the column it was reached by) to the row it was reached from; the start row's column goes to left.
        int row = lastRow, takes = lastColumn;
        while (true)
        {
            int gives = parentColumn[row], previous = parentRow[row];
            Assign(row, takes);
            if (row == start)
            {
                break;
            }

            takes = gives;
            row = previous;
        }

        Assign(left, column);
    }

    private void Assign(int row, int column)
    {
        _columnOfRow[row] = column;
        _rowOfColumn[column] = row;
    }
}
