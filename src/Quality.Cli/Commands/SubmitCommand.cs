using System.CommandLine;
using Azure;
using Quality.Domain.Formats;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Storage;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality submit &lt;path&gt;</c>: lands a delivery in <c>incoming</c> exactly as <c>POST /api/deliveries</c> does, so the
/// running pipeline picks it up. A canonical file goes in under its header's names; a vendor export (Label Studio, COCO,
/// nuScenes, CSV) or a folder of them goes in as it is, in <c>{pipeline}/{vendor}/{deliveryId}/</c> with its manifest
/// (the folder's own, or one written from the options) uploaded last; it prints every blob it stored.
/// </summary>
internal static class SubmitCommand
{
    /// <summary>Where the storage connection string comes from when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "QUALITY_STORAGE";

    public static Command Create()
    {
        var path = new Argument<FileSystemInfo>("path")
        {
            Description = "A canonical JSON Lines delivery; a vendor export (Label Studio JSON, COCO, nuScenes, an item,annotator,field,value or units × coders CSV); "
                + "or a folder of such files, with its manifest.json or without (one is written).",
        };
        var connection = new Option<string>("--connection")
        {
            Description = $"Storage connection string (default: ${ConnectionVariable}, else the local Azurite).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } s ? s : "UseDevelopmentStorage=true",
        };
        var prefix = new Option<string>("--prefix") { Description = "Name prefix of the pipeline's storage (tests isolate pipelines with it).", DefaultValueFactory = _ => "" };
        var options = new VendorOptions();
        var command = new Command("submit", "Upload a delivery to the pipeline's incoming container: a canonical file, or vendor files as they are.") { path, connection, prefix };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(path), options.Read(parse), new StorageOptions { ConnectionString = parse.GetRequiredValue(connection), Prefix = parse.GetValue(prefix) ?? "" },
            parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileSystemInfo path, VendorArguments arguments, StorageOptions options, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!path.Exists)
        {
            await console.Error.WriteLineAsync($"{path.FullName}: no such file or folder");
            return ExitCodes.BadInput;
        }

        try
        {
            var plan = await SubmissionPlan.ForAsync(path, arguments, cancellationToken);
            if (plan.Problem is { } problem)
            {
                await console.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            var storage = new StorageClients(options);
            await storage.EnsureContainersCreatedAsync(cancellationToken);
            var deliveries = new BlobDeliveryStore(storage);
            var folders = new FolderSubmission(deliveries);
            SubmittedDelivery submitted;
            if (plan.Folder is { } folder)
            {
                submitted = await folders.SubmitAsync(folder.Header, folder.Files, folder.Manifest, cancellationToken);
            }
            else
            {
                await using var stream = ((FileInfo)path).OpenRead();
                submitted = await new DeliverySubmission(deliveries, folders).SubmitAsync(stream, path.Name, plan.Names, cancellationToken);
            }

            await console.Output.WriteLineAsync($"submitted {path.Name}: {submitted.Files.Count} blob{(submitted.Files.Count == 1 ? "" : "s")} in {storage.Names.Incoming}");
            foreach (var blob in submitted.Files)
            {
                var generated = blob.Name == submitted.Blob.Name && plan.Generated(blob.Name) ? ", generated" : "";
                await console.Output.WriteLineAsync(FormattableString.Invariant($"  {storage.Names.Incoming}/{blob.Name} ({blob.Size} bytes{generated})"));
            }

            await console.Output.WriteLineAsync($"batch {submitted.BatchId} (GET /api/batches/{submitted.BatchId})");
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{path.FullName}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or FormatException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"storage failed ({options.ConnectionString.Split(';')[0]}…): {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
