using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Pipeline.Facts;
using Quality.Pipeline.Runs;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality audit FILE --facts DIR</c>: the delivery's facts written as the pipeline writes a batch's, into a folder
/// laid out like the <c>reports</c> container, for <c>quality query --facts DIR</c>.
/// </summary>
internal static class AuditFacts
{
    public static Option<DirectoryInfo> FolderOption() => new("--facts")
    {
        Description = "Also write the delivery's per-object and per-tag facts as Parquet into this folder, laid out like the reports container "
            + "(facts/pipeline=…/date=…/), for `quality query --facts` (docs/query.md).",
    };

    public static Option<string> DateOption() => new("--facts-date")
    {
        Description = "The day (yyyy-MM-dd) the facts are partitioned under, e.g. the day the delivery arrived (default: today, UTC).",
    };

    /// <summary>The day given, or today (UTC); null after saying why the text is no day.</summary>
    public static async Task<DateOnly?> ParseDateAsync(string? text, InvocationConfiguration console)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        await console.Error.WriteLineAsync($"--facts-date '{text}': expected a day as yyyy-MM-dd");
        return null;
    }

    /// <summary>
    /// Writes the facts and says where on stderr (stdout stays the report). The batch id is derived from the file's name
    /// and content as the pipeline derives it from a blob's, so auditing the same file again replaces its facts.
    /// </summary>
    public static async Task WriteAsync(
        FileInfo file, DirectoryInfo folder, DateOnly date, DeliveryAudit audit, FactCollector facts, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        byte[] hash;
        await using (var content = file.OpenRead())
        {
            hash = await SHA256.HashDataAsync(content, cancellationToken);
        }

        var header = audit.Header;
        var origin = new FactOrigin(RunIds.For("local/" + file.Name, Convert.ToBase64String(hash)), header.DeliveryId, header.Vendor, header.Pipeline, date);
        var written = await LocalFactFolder.WriteAsync(folder.FullName, origin, facts, cancellationToken);
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"facts of batch {origin.BatchId}: {facts.Objects.Count} objects, {facts.Tags.Count} tags in {Path.Combine(folder.FullName, FactPaths.Folder(origin))} ({written.Count} files)"));
    }
}
