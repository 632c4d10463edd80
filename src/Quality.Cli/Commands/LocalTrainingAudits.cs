using System.Globalization;
using System.Text.Json;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.ModelLinkage;
using Quality.Domain.Standards;

namespace Quality.Cli.Commands;

/// <summary>
/// The training deliveries of <c>quality models</c>: every <c>quality audit --json</c> output in a folder, read into the
/// same <see cref="TrainingDelivery"/> the pipeline reads a stored batch into. A delivery's date, for a training data's
/// date range, is the day its id starts with (<c>2026-11-26-lidar-001</c>); a local audit records no arrival.
/// </summary>
internal static class LocalTrainingAudits
{
    public static async Task<IReadOnlyList<TrainingDelivery>?> ReadAsync(DirectoryInfo folder, TextWriter error, CancellationToken cancellationToken)
    {
        if (!folder.Exists)
        {
            await error.WriteLineAsync($"{folder.FullName}: no such folder");
            return null;
        }

        var deliveries = new List<TrainingDelivery>();
        foreach (var file in folder.EnumerateFiles("*.json").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            LocalAudit audit;
            try
            {
                audit = PrintedJson.Deserialize<LocalAudit>(await File.ReadAllTextAsync(file.FullName, cancellationToken));
            }
            catch (JsonException ex)
            {
                await error.WriteLineAsync($"{file.FullName}{(ex.LineNumber is { } line ? $" line {line + 1}" : "")}: not the output of quality audit --json: {ex.Message.Split(" Path:")[0]}");
                return null;
            }

            if (audit.Delivery is not { } header)
            {
                await error.WriteLineAsync($"{file.FullName}, field 'delivery': missing; the folder holds the outputs of quality audit --json, one per training delivery");
                return null;
            }

            deliveries.Add(TrainingDelivery.Of(header.Pipeline, header.Vendor, header.DeliveryId, DateOf(header.DeliveryId),
                audit.Audit?.Confusion, audit.Verdict, audit.Agreement?.KrippendorffAlpha));
        }

        return deliveries;
    }

    private static DateOnly? DateOf(string deliveryId) =>
        deliveryId.Length >= 10 && DateOnly.TryParseExact(deliveryId[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The parts of <c>quality audit --json</c> that linkage reads.</summary>
    internal sealed record LocalAudit(DeliveryHeader? Delivery, Headline? Agreement, GoldAuditView? Audit, Verdict? Verdict);

    internal sealed record Headline(double? KrippendorffAlpha);
}
