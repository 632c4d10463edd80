using Parquet;
using Parquet.Schema;

namespace Quality.Pipeline.Facts;

/// <summary>
/// An optional column of one value per row: text (as <see cref="ReadOnlyMemory{T}"/> of char, Parquet.Net's string
/// values) or a number or flag. Every such column is optional, as Parquet.Net's row serializer makes a string or a
/// nullable value.
/// </summary>
internal sealed class OptionalFactColumn<TRow, T>(DataField dataField, Func<TRow, T?> select) : FactColumn<TRow>
    where T : struct
{
    public override Field Field => dataField;

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        var values = new T?[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = select(rows[i]);
        }

        // The writer makes the definition levels: a null is a level below the field's.
        await rowGroup.WriteAsync<T>(dataField, values, cancellationToken: cancellationToken);
    }
}
