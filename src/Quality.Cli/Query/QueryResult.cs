namespace Quality.Cli.Query;

/// <summary>What a query answered: its columns (name and DuckDB type) and rows of .NET values (null for SQL NULL).</summary>
internal sealed record QueryResult(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows);

internal sealed record QueryColumn(string Name, string Type);
