using System.CommandLine;
using Azure;
using DuckDB.NET.Data;
using Quality.Cli.Query;
using Quality.Pipeline.Storage;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality query "SQL"</c>: SQL over the facts (docs/query.md) with embedded DuckDB — the views <c>objects</c> and
/// <c>tags</c> over a local folder laid out like the <c>reports</c> container (<c>--facts</c>: what <c>quality audit
/// --facts</c> writes, or a copy of the container), or over the pipeline's own facts (<c>--storage</c>), mirrored into a
/// local cache first so that repeated queries download only what changed.
/// </summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The query, in DuckDB's SQL, over the views objects and tags (docs/query.md)." };
        var facts = new Option<DirectoryInfo>("--facts")
        {
            Description = "A folder laid out like the reports container (facts/pipeline=…/date=…/*.parquet); with --storage, where the pipeline's facts are mirrored "
                + "(default: ~/.cache/serverless-quality/facts).",
        };
        var storage = new Option<bool>("--storage") { Description = "Query the pipeline's facts: mirror reports/facts/ of the storage account (--connection) first." };
        var connection = new Option<string>("--connection")
        {
            Description = $"Storage connection string for --storage (default: ${SubmitCommand.ConnectionVariable}, else the local Azurite).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(SubmitCommand.ConnectionVariable) is { Length: > 0 } s ? s : "UseDevelopmentStorage=true",
        };
        var prefix = new Option<string>("--prefix") { Description = "Name prefix of the pipeline's storage (tests isolate pipelines with it).", DefaultValueFactory = _ => "" };
        var json = new Option<bool>("--json") { Description = "Print the rows as a JSON array of objects, every value exact." };
        var csv = new Option<bool>("--csv") { Description = "Print the rows as CSV with a header line, every value exact." };
        var command = new Command("query", "Run SQL over the audit facts (objects, tags) with embedded DuckDB.") { sql, facts, storage, connection, prefix, json, csv };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(sql), parse.GetValue(facts),
            parse.GetValue(storage) ? new StorageOptions { ConnectionString = parse.GetRequiredValue(connection), Prefix = parse.GetValue(prefix) ?? "" } : null,
            parse.GetValue(json), parse.GetValue(csv), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string sql, DirectoryInfo? facts, StorageOptions? storage, bool json, bool csv, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (json && csv)
        {
            await console.Error.WriteLineAsync("--json and --csv: choose one output");
            return ExitCodes.BadInput;
        }

        string folder;
        if (storage is not null)
        {
            folder = facts?.FullName ?? DefaultCache();
            if (await MirrorAsync(storage, folder, console, cancellationToken) is { } failed)
            {
                return failed;
            }
        }
        else if (facts is null)
        {
            await console.Error.WriteLineAsync("No facts to query: give --facts DIR (a folder written by `quality audit --facts DIR`, or a copy of the reports container) "
                + "or --storage (the pipeline's, local Azurite by default)");
            return ExitCodes.BadInput;
        }
        else if (!facts.Exists)
        {
            await console.Error.WriteLineAsync($"{facts.FullName}: no such folder");
            return ExitCodes.BadInput;
        }
        else
        {
            folder = facts.FullName;
        }

        QueryResult result;
        try
        {
            using var database = await FactsDatabase.OpenAsync(folder, cancellationToken);
            result = await database.QueryAsync(sql, cancellationToken);
        }
        catch (DuckDBException e)
        {
            await console.Error.WriteLineAsync($"query: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (json)
        {
            await console.Output.FlushAsync(cancellationToken);
            using var buffer = new MemoryStream();
            await QueryOutput.WriteJsonAsync(buffer, result, cancellationToken);
            await console.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else if (csv)
        {
            await QueryOutput.WriteCsvAsync(console.Output, result);
        }
        else
        {
            await QueryOutput.WriteTextAsync(console.Output, result);
        }

        return ExitCodes.Success;
    }

    /// <returns>Null when the folder mirrors the storage's facts; else the exit code, after saying why on stderr.</returns>
    private static async Task<int?> MirrorAsync(StorageOptions storage, string folder, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        try
        {
            var clients = new StorageClients(storage);
            var store = new BlobFactStore(clients);
            // One bounded request first: a dev host that is not running fails in seconds, not after the SDK's retries.
            using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                bounded.CancelAfter(StorageProbe.Timeout);
                try
                {
                    if (!await store.ReportsExistAsync(bounded.Token))
                    {
                        await console.Error.WriteLineAsync($"facts from storage: {clients.Blobs.Uri} has no container {clients.Names.Reports}; no batch has completed there (check --connection and --prefix)");
                        return ExitCodes.Failure;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await console.Error.WriteLineAsync($"facts from storage: no answer from {clients.Blobs.Uri} within {StorageProbe.Timeout.TotalSeconds:0} s; is the dev host (its Azurite) running?");
                    return ExitCodes.Failure;
                }
            }

            var (downloaded, files) = await store.MirrorAsync(folder, cancellationToken);
            await console.Error.WriteLineAsync($"facts: {files} files in {folder} ({downloaded} downloaded)");
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or IOException or UnauthorizedAccessException or FormatException)
        {
            await console.Error.WriteLineAsync($"facts from storage: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Where <c>--storage</c> mirrors the facts when no folder is given: the user's cache, per machine, not per checkout.</summary>
    private static string DefaultCache() => Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "serverless-quality", "facts");
}
