using Parquet;
using Parquet.Schema;

namespace Quality.Pipeline.Facts;

/// <summary>
/// A map column of string keys and values (a Parquet MAP: a repeated <c>key_value</c> group of a required <c>key</c>
/// and an optional <c>value</c>), written as its two leaf columns with the levels that tell a null map from an empty one.
/// </summary>
/// <remarks>
/// Dremel's levels, as Parquet.Net's row serializer writes them: a row's first entry has repetition level 0, its
/// others 1. A null map is one entry at the map's definition level − 2, an empty one at − 1; a key is at its field's
/// definition level, a value at its own, or one below when null.
/// </remarks>
internal sealed class MapFactColumn<TRow>(string name, Func<TRow, IDictionary<string, string>?> select) : FactColumn<TRow>
{
    private readonly MapField _field = new(name, new DataField<string>("key", nullable: false), new DataField<string>("value"));

    public override Field Field => _field;

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        var maps = new IDictionary<string, string>?[rows.Count];
        var entries = 0;
        for (var i = 0; i < maps.Length; i++)
        {
            maps[i] = select(rows[i]);
            entries += Math.Max(1, maps[i]?.Count ?? 0);
        }

        var (key, value) = ((DataField)_field.Key, (DataField)_field.Value);
        var repetitionLevels = new int[entries];
        var keyLevels = new int[entries];
        var valueLevels = new int[entries];
        var keys = new ReadOnlyMemory<char>[entries];
        var values = new ReadOnlyMemory<char>[entries];
        var (entry, keyCount, valueCount) = (0, 0, 0);
        foreach (var map in maps)
        {
            if (map is null or { Count: 0 })
            {
                keyLevels[entry] = valueLevels[entry] = _field.MaxDefinitionLevel - (map is null ? 2 : 1);
                entry++;
                continue;
            }

            var first = entry;
            foreach (var (k, v) in map)
            {
                repetitionLevels[entry] = entry == first ? 0 : 1;
                keyLevels[entry] = key.MaxDefinitionLevel;
                keys[keyCount++] = k.AsMemory();
                if (v is null)
                {
                    valueLevels[entry] = value.MaxDefinitionLevel - 1;
                }
                else
                {
                    valueLevels[entry] = value.MaxDefinitionLevel;
                    values[valueCount++] = v.AsMemory();
                }

                entry++;
            }
        }

        await rowGroup.WriteAllPartsAsync<ReadOnlyMemory<char>>(key, keys.AsMemory(0, keyCount), keyLevels, repetitionLevels, cancellationToken);
        await rowGroup.WriteAllPartsAsync<ReadOnlyMemory<char>>(value, values.AsMemory(0, valueCount), valueLevels, repetitionLevels, cancellationToken);
    }
}
