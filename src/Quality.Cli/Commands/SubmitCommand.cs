using System.CommandLine;
using Azure;
using Quality.Domain.Formats;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Storage;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality submit &lt;file&gt;</c>: lands a delivery in <c>incoming</c> exactly as <c>POST /api/deliveries</c> does, so the
/// running pipeline picks it up.
/// </summary>
internal static class SubmitCommand
{
    /// <summary>Where the storage connection string comes from when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "QUALITY_STORAGE";

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A canonical JSON Lines delivery." };
        var connection = new Option<string>("--connection")
        {
            Description = $"Storage connection string (default: ${ConnectionVariable}, else the local Azurite).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } s ? s : "UseDevelopmentStorage=true",
        };
        var prefix = new Option<string>("--prefix") { Description = "Name prefix of the pipeline's storage (tests isolate pipelines with it).", DefaultValueFactory = _ => "" };
        var command = new Command("submit", "Upload a delivery to the pipeline's incoming container.") { file, connection, prefix };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file), new StorageOptions { ConnectionString = parse.GetRequiredValue(connection), Prefix = parse.GetValue(prefix) ?? "" },
            parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, StorageOptions options, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        try
        {
            var storage = new StorageClients(options);
            await storage.EnsureCreatedAsync(cancellationToken);
            await using var stream = file.OpenRead();
            var submitted = await new DeliverySubmission(new BlobDeliveryStore(storage)).SubmitAsync(stream, file.Name, cancellationToken);
            await console.Output.WriteLineAsync(
                $"submitted {file.Name} as {storage.Names.Incoming}/{submitted.Blob.Name}; batch {submitted.BatchId} (GET /api/batches/{submitted.BatchId})");
            return ExitCodes.Success;
        }
        catch (DeliveryFormatException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }
        catch (DeliveryExistsException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or FormatException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"storage failed ({options.ConnectionString.Split(';')[0]}…): {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
