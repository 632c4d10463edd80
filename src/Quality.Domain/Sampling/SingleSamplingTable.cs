namespace Quality.Domain.Sampling;

/// <summary>
/// One single-sampling master table (II-A, II-B or II-C) as the standard prints it: per code letter a sample size and,
/// per AQL column, either a plan "Ac/Re" or an arrow ↓ / ↑ that sends the user to the first plan below or above.
/// </summary>
internal sealed class SingleSamplingTable
{
    private readonly string _letters;
    private readonly int[] _sampleSizes;
    private readonly string[][] _cells;

    /// <param name="letters">The code letters, top to bottom (II-B adds S).</param>
    /// <param name="sampleSizes">The sample size of each letter at this severity.</param>
    /// <param name="rows">Per letter, one space-separated token per AQL column: "Ac/Re", "↓", "↑", or "-" (not printed).</param>
    public SingleSamplingTable(string letters, int[] sampleSizes, string[] rows)
    {
        _letters = letters;
        _sampleSizes = sampleSizes;
        _cells = [.. rows.Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>Follows the arrows from a cell to the plan it names.</summary>
    public (char PlanLetter, int SampleSize, int Accept, int Reject) Resolve(char codeLetter, int column)
    {
        var row = _letters.IndexOf(codeLetter, StringComparison.Ordinal);
        while (_cells[row][column] is "↓" or "↑")
        {
            row += _cells[row][column] == "↓" ? 1 : -1;
        }

        var cell = _cells[row][column];
        var slash = cell.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw new InvalidOperationException($"Table cell {_letters[row]} column {column} is not a plan.");
        }

        return (_letters[row], _sampleSizes[row], int.Parse(cell.AsSpan(0, slash), provider: null), int.Parse(cell.AsSpan(slash + 1), provider: null));
    }
}
