using Parquet;
using Parquet.Schema;

namespace Quality.Pipeline.Facts;

/// <summary>
/// A facts table's Parquet file: its columns in the file's order, written a row group of at most
/// <see cref="FactParquet.RowGroupRows"/> rows at a time. Rows without a group write a file without one.
/// </summary>
internal sealed class FactFileWriter<TRow>
{
    private readonly FactColumn<TRow>[] _columns;

    public FactFileWriter(params FactColumn<TRow>[] columns)
    {
        _columns = columns;
        Schema = new ParquetSchema(columns.Select(c => c.Field));
    }

    public ParquetSchema Schema { get; }

    public async Task WriteAsync(IEnumerable<TRow> rows, Stream destination, CancellationToken cancellationToken)
    {
        await using var writer = await ParquetWriter.CreateAsync(Schema, destination, cancellationToken: cancellationToken);
        foreach (var group in rows.Chunk(FactParquet.RowGroupRows))
        {
            using var rowGroup = writer.CreateRowGroup();
            foreach (var column in _columns)
            {
                await column.WriteAsync(rowGroup, group, cancellationToken);
            }

            rowGroup.CompleteValidate();
        }
    }
}
