using System.Runtime.InteropServices;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The mergeable counts of the drill-down: errors and opportunities per error kind and stratum level (or, for the
/// interaction pass, per pair of levels of the chosen stratum pairs), per annotator, with the first error rows. Shards
/// tally their evidence and merge in shard order; rows without strata (evidence written before strata existed) are skipped.
/// </summary>
public sealed class StrataTally
{
    private readonly RootCauseOptions _options;
    /// <summary>
    /// Null: each stratum alone. Else per kind (its position in <see cref="RootCauseKinds.All"/>) the stratum pairs of the
    /// interaction pass, in the set's order, each stratum also as its place in <see cref="_pairStrata"/>.
    /// </summary>
    private readonly (string Stratum, string Other, int StratumAt, int OtherAt)[][]? _pairsByKind;

    /// <summary>The strata of any pair by name, numbered: a row's levels are found once per row, not once per kind and pair.</summary>
    private readonly Dictionary<string, int> _pairStrata = new(StringComparer.Ordinal);

    /// <summary><see cref="_pairStrata"/> by the identity of the row's stratum name (−1: in no pair).</summary>
    private readonly IdentityCache<int> _pairStrataCache = new();

    /// <summary>The current row's level of each of <see cref="_pairStrata"/>, null where it has none.</summary>
    private string?[] _rowLevels = [];

    /// <summary>The current row's kinds (positions in <see cref="RootCauseKinds.All"/>): a tally is filled by one thread.</summary>
    private readonly (int Kind, bool IsError)[] _kinds = new (int, bool)[RootCauseKinds.MaximumPerRow];

    /// <summary>The first pass's cells of each (stratum, level) by kind, the same objects as in <see cref="Cells"/>.</summary>
    private readonly Dictionary<(string Stratum, string Level), CellCounts?[]> _levelCells = [];

    /// <summary>
    /// The interaction pass's cells by kind, the strata pair's position in the kind's list and the two levels, the same
    /// objects as in <see cref="Cells"/>: two strings hashed per lookup instead of the five of a <see cref="CellKey"/>.
    /// </summary>
    private readonly Dictionary<(int Kind, int Pair, string Level, string OtherLevel), CellCounts> _pairCells = [];

    /// <summary><see cref="_levelCells"/> by the identity of the stratum's and level's strings: most rows' lookups without hashing.</summary>
    private readonly IdentityCache<CellCounts?[]> _levelCache = new();

    /// <summary><see cref="_pairCells"/> by the identity of the two levels' strings, with the kind and pair.</summary>
    private readonly IdentityCache<CellCounts> _pairCache = new();

    /// <param name="pairs">Null: tally each stratum alone. Else the stratum pairs of the interaction pass, per kind.</param>
    internal StrataTally(RootCauseOptions options, IReadOnlySet<(string Kind, string Stratum, string Other)>? pairs = null)
    {
        _options = options;
        // Looked up by kind for every row, in the set's order.
        if (pairs is null)
        {
            return;
        }

        var byKind = pairs.GroupBy(p => p.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.Stratum, p.Other, Number(p.Stratum), Number(p.Other))).ToArray(), StringComparer.Ordinal);
        _pairsByKind = [.. RootCauseKinds.All.Select(kind => byKind.GetValueOrDefault(kind) ?? [])];
        _rowLevels = new string?[_pairStrata.Count];
    }

    internal Dictionary<CellKey, CellCounts> Cells { get; } = [];

    /// <summary>The cells in a fixed order (kind, strata, levels; ordinal), whatever order rows and shards came in.</summary>
    internal IEnumerable<KeyValuePair<CellKey, CellCounts>> Ordered => Cells.OrderBy(c => c.Key, Comparer<CellKey>.Create(Compare));

    /// <summary>A tally of each stratum alone: the first pass.</summary>
    public static StrataTally Strata(RootCauseOptions options) => new(options);

    public void Add(EvidencePair row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Add(new TalliedPair(row));
    }

    /// <summary>Adds a row as <see cref="Add(EvidencePair)"/> adds it, asking for it as an object only where a cell keeps it as an example.</summary>
    internal void Add<TRow>(TRow row)
        where TRow : ITalliedRow
    {
        if (row.Levels is not { } levels)
        {
            return;
        }

        var kinds = _kinds.AsSpan(0, RootCauseKinds.Of(row, levels, _options, _kinds));
        if (_pairsByKind is null)
        {
            // One lookup per level of the row, not one per kind and level.
            foreach (var (stratum, level) in levels.AsSpan())
            {
                if (!_levelCache.TryGet(stratum, level, 0, out var cells))
                {
                    cells = CollectionsMarshal.GetValueRefOrAddDefault(_levelCells, (stratum, level), out _) ??= new CellCounts?[RootCauseKinds.All.Count];
                    _levelCache.Set(stratum, level, 0, cells);
                }

                foreach (var (kind, isError) in kinds)
                {
                    (cells[kind] ??= Cell(new CellKey(RootCauseKinds.All[kind], stratum, level))).Add(row, isError, _options.EvidenceRows);
                }
            }

            return;
        }

        RowLevels(levels);
        foreach (var (kind, isError) in kinds)
        {
            var pairs = _pairsByKind[kind];
            for (var pair = 0; pair < pairs.Length; pair++)
            {
                var (stratum, otherStratum, stratumAt, otherAt) = pairs[pair];
                if (_rowLevels[stratumAt] is { } level && _rowLevels[otherAt] is { } other)
                {
                    var number = (pair * RootCauseKinds.All.Count) + kind; // one number per (kind, pair)
                    if (!_pairCache.TryGet(level, other, number, out var cell))
                    {
                        cell = CollectionsMarshal.GetValueRefOrAddDefault(_pairCells, (kind, pair, level, other), out _)
                            ??= Cell(new CellKey(RootCauseKinds.All[kind], stratum, level, otherStratum, other));
                        _pairCache.Set(level, other, number, cell);
                    }

                    cell.Add(row, isError, _options.EvidenceRows);
                }
            }
        }
    }

    public void Merge(StrataTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, counts) in other.Cells)
        {
            Cell(key).Merge(counts, _options.EvidenceRows);
        }
    }

    /// <summary>The first pass's tally as stored, its cells in <see cref="Ordered"/>'s order; an interaction tally is not stored.</summary>
    public StrataTallyState ToState()
    {
        if (_pairsByKind is not null)
        {
            throw new InvalidOperationException("Only the first pass's tally (each stratum alone) is stored: the interaction pass needs every shard's strata first.");
        }

        return new StrataTallyState([.. Ordered.Select(c => new StrataCellState(c.Key.Kind, c.Key.Stratum, c.Key.Level, c.Value.Errors, c.Value.Opportunities,
            c.Value.ByAnnotator.ToDictionary(a => a.Key, a => new AnnotatorCountsState(a.Value.Errors, a.Value.Opportunities), StringComparer.Ordinal),
            [.. c.Value.Examples]))]);
    }

    /// <summary>Adds a stored first-pass tally, as <see cref="Merge(StrataTally)"/> adds a live one: a shard's examples follow the earlier shards'.</summary>
    public void Merge(StrataTallyState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var cell in other.Cells)
        {
            Cell(new CellKey(cell.Kind, cell.Stratum, cell.Level)).Merge(CellCounts.FromState(cell), _options.EvidenceRows);
        }
    }

    /// <summary>Fills <see cref="_rowLevels"/> from the row's levels (distinct strata): one pass over them.</summary>
    private void RowLevels(CompactDictionary levels)
    {
        Array.Clear(_rowLevels);
        foreach (var (stratum, level) in levels.AsSpan())
        {
            if (!_pairStrataCache.TryGet(stratum, null, 0, out var at))
            {
                at = _pairStrata.GetValueOrDefault(stratum, -1);
                _pairStrataCache.Set(stratum, null, 0, at);
            }

            if (at >= 0)
            {
                _rowLevels[at] ??= level; // the first entry of a stratum, as a lookup finds it
            }
        }
    }

    /// <summary>The stratum's place in <see cref="_pairStrata"/>, numbered when new.</summary>
    private int Number(string stratum)
    {
        if (!_pairStrata.TryGetValue(stratum, out var at))
        {
            at = _pairStrata.Count;
            _pairStrata.Add(stratum, at);
        }

        return at;
    }

    private CellCounts Cell(CellKey key) => CollectionsMarshal.GetValueRefOrAddDefault(Cells, key, out _) ??= new CellCounts();

    private static int Compare(CellKey a, CellKey b)
    {
        var order = string.CompareOrdinal(a.Kind, b.Kind);
        order = order != 0 ? order : string.CompareOrdinal(a.Stratum, b.Stratum);
        order = order != 0 ? order : string.CompareOrdinal(a.Other, b.Other);
        order = order != 0 ? order : string.CompareOrdinal(a.Level, b.Level);
        return order != 0 ? order : string.CompareOrdinal(a.OtherLevel, b.OtherLevel);
    }
}
