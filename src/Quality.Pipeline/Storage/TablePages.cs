using Azure.Data.Tables;

namespace Quality.Pipeline.Storage;

/// <summary>One page of a partition, newest first where the row keys invert time, behind a sealed <see cref="PageToken"/>.</summary>
internal static class TablePages
{
    /// <exception cref="InvalidPageTokenException">The token is not one this partition's list gave out.</exception>
    public static async Task<(IReadOnlyList<T> Items, string? ContinuationToken)> ReadAsync<T>(
        TableClient table, string partition, int pageSize, string? continuationToken, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        // A token is bound to its table and partition: two lists with a partition of the same name do not share tokens.
        var scope = table.Name + "/" + partition;
        if (!PageToken.TryOpen(scope, continuationToken, out var tableToken))
        {
            throw new InvalidPageTokenException("is not a token this list gave out; ask for the first page again without it (tokens belong to one list: the same pipeline filter).");
        }

        var pages = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(tableToken, pageSize);
        await foreach (var page in pages)
        {
            // A page may be empty yet carry a continuation (Table service pagination); the caller follows it.
            return ([.. page.Values.Select(map)], PageToken.Seal(scope, page.ContinuationToken));
        }

        return ([], null);
    }
}
