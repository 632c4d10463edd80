using System.Data.Common;
using DuckDB.NET.Data;
using Quality.Pipeline.Facts;

namespace Quality.Cli.Query;

/// <summary>
/// An in-memory DuckDB with the views <c>objects</c> and <c>tags</c> over a folder laid out like the <c>reports</c>
/// container: every <c>facts/pipeline=*/date=*/{table}-*.parquet</c>, with <c>pipeline</c> and <c>date</c> from the
/// hive partitions (first columns) and files of older schemas read by column name. A table no batch has written yet is
/// an empty view of the same columns, so a query over it answers no rows instead of failing.
/// </summary>
internal sealed class FactsDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly List<string> _emptyFiles = [];

    /// <summary>
    /// The 95% Wilson score interval of x successes in n trials (Wilson 1927, as <c>WilsonScoreInterval</c> computes it,
    /// z = 1.959963984540054): a rate's interval in one call, as docs/query.md uses it. NULL for n = 0.
    /// </summary>
    private static readonly string[] Macros =
    [
        "CREATE MACRO wilson_lower(x, n) AS CASE WHEN n = 0 THEN NULL WHEN x = 0 THEN 0.0 ELSE "
            + "(x / n + 1.959963984540054 ^ 2 / (2 * n) - 1.959963984540054 * sqrt((x / n) * (1 - x / n) / n + 1.959963984540054 ^ 2 / (4 * n * n))) "
            + "/ (1 + 1.959963984540054 ^ 2 / n) END",
        "CREATE MACRO wilson_upper(x, n) AS CASE WHEN n = 0 THEN NULL WHEN x = n THEN 1.0 ELSE "
            + "(x / n + 1.959963984540054 ^ 2 / (2 * n) + 1.959963984540054 * sqrt((x / n) * (1 - x / n) / n + 1.959963984540054 ^ 2 / (4 * n * n))) "
            + "/ (1 + 1.959963984540054 ^ 2 / n) END",
    ];

    private FactsDatabase(DuckDBConnection connection) => _connection = connection;

    public static async Task<FactsDatabase> OpenAsync(string folder, CancellationToken cancellationToken)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        var database = new FactsDatabase(connection);
        try
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var macro in Macros)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = macro;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            foreach (var table in FactTable.All)
            {
                await database.CreateViewAsync(folder, table, cancellationToken);
            }

            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <exception cref="DuckDBException">The SQL is not valid or fails; the message is DuckDB's.</exception>
    public async Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new QueryResult(columns, rows);
    }

    private async Task CreateViewAsync(string folder, string table, CancellationToken cancellationToken)
    {
        var glob = Path.Combine(folder, FactPaths.Glob(table));
        string select;
        if (HasFiles(folder, table))
        {
            select = $"SELECT pipeline, date, * EXCLUDE (pipeline, date) FROM read_parquet({Literal(glob)}, hive_partitioning = true, "
                + "hive_types = {'pipeline': VARCHAR, 'date': DATE}, union_by_name = true)";
        }
        else
        {
            var empty = Path.Combine(Path.GetTempPath(), $"quality-{table}-{Guid.NewGuid():N}.parquet");
            _emptyFiles.Add(empty);
            await using (var file = File.Create(empty))
            {
                await FactParquet.WriteEmptyAsync(table, file, cancellationToken);
            }

            select = $"SELECT NULL::VARCHAR AS pipeline, NULL::DATE AS date, * FROM read_parquet({Literal(empty)})";
        }

        await using var command = _connection.CreateCommand();
        command.CommandText = $"CREATE VIEW {table} AS {select}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool HasFiles(string folder, string table)
    {
        var root = Path.Combine(folder, FactPaths.Root);
        return Directory.Exists(root) && Directory.EnumerateFiles(root, $"{table}-*.parquet", SearchOption.AllDirectories).Any();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        _connection.Dispose();
        foreach (var file in _emptyFiles)
        {
            File.Delete(file);
        }
    }
}
