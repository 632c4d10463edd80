using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality audit &lt;file&gt; [--json]</c>: the offline audit of one canonical delivery, the same figures the pipeline
/// stores for it (the pipeline's tests compare the two).
/// </summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A canonical JSON Lines delivery." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON (the shape GET /api/batches/{id} uses)." };
        var command = new Command("audit", "Audit a delivery offline: counts and agreement per field.") { file, json };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetRequiredValue(file), parse.GetValue(json), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, bool json, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        DeliveryHeader header;
        BatchMetrics metrics;
        try
        {
            await using var stream = file.OpenRead();
            (header, metrics) = await DeliveryAuditor.AuditAsync(stream, file.Name, cancellationToken);
        }
        catch (DeliveryFormatException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        var report = new AuditReport(file.Name, header, CountsView.From(metrics)!, AgreementView.From(metrics)!);
        if (json)
        {
            await console.Output.WriteLineAsync(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            await WriteTextAsync(console.Output, report);
        }

        return ExitCodes.Success;
    }

    private static async Task WriteTextAsync(TextWriter output, AuditReport report)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"{report.File}: delivery {report.Delivery.DeliveryId} ({report.Delivery.Pipeline}, {report.Delivery.Vendor}, taxonomy {report.Delivery.Taxonomy})");
        await output.WriteLineAsync(string.Create(inv, $"  items {report.Counts.Items}, annotators {report.Counts.Annotators}, annotations {report.Counts.Annotations}"));
        await output.WriteLineAsync(string.Create(inv,
            $"  alpha (nominal, weakest field {report.Agreement.WeakestField ?? "-"}) {Figure(report.Agreement.KrippendorffAlphaNominal)}, percent agreement {Figure(report.Agreement.PercentAgreement)}"));
        foreach (var (name, field) in report.Agreement.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(string.Create(inv,
                $"  field {name}: alpha {Figure(field.KrippendorffAlphaNominal)}, percent agreement {Figure(field.PercentAgreement)} (units {field.Units}, pairable values {field.PairableValues})"));
        }
    }

    private static string Figure(double? value) =>
        value?.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) ?? "undefined";
}

/// <summary>What <c>quality audit --json</c> prints.</summary>
internal sealed record AuditReport(string File, DeliveryHeader Delivery, CountsView Counts, AgreementView Agreement);
