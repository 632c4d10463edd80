using Parquet;
using Parquet.Schema;

namespace Quality.Pipeline.Facts;

/// <summary>
/// One column of a facts table: its schema field, and how a row group's rows become its values and levels. Each column
/// calls Parquet.Net's writer with its value type fixed at compile time, so writing needs no code made at run time
/// (the natively compiled command has none).
/// </summary>
internal abstract class FactColumn<TRow>
{
    public abstract Field Field { get; }

    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    public static FactColumn<TRow> Text(string name, Func<TRow, string?> select) =>
        new OptionalFactColumn<TRow, ReadOnlyMemory<char>>(new DataField<string>(name), row => select(row)?.AsMemory());

    public static FactColumn<TRow> Number(string name, Func<TRow, double?> select) =>
        new OptionalFactColumn<TRow, double>(new DataField<double?>(name), select);

    public static FactColumn<TRow> Flag(string name, Func<TRow, bool?> select) =>
        new OptionalFactColumn<TRow, bool>(new DataField<bool?>(name), select);

    public static FactColumn<TRow> Map(string name, Func<TRow, IDictionary<string, string>?> select) =>
        new MapFactColumn<TRow>(name, select);
}
