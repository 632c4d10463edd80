using System.CommandLine;
using System.Globalization;
using Quality.Domain.Agreement;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality sample &lt;delivery&gt; --standard &lt;file&gt; [--seed S] [--inspection normal|tightened|reduced] [--json]</c>:
/// the review sample of a delivery offline, drawn as the pipeline draws it (<see cref="AuditSampling"/>): the same
/// frame, plan, seed and units.
/// </summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var delivery = new Argument<FileInfo>("delivery")
        {
            Description = "A canonical JSON Lines delivery, a manifest.json with its files beside it, or one file in a vendor format.",
        };
        var standard = new Option<FileInfo>("--standard")
        {
            Description = "The quality standard YAML file (docs/standards.md) whose sampling section gives the AQL, level, strata and seed, and whose IoU thresholds match objects.",
            Required = true,
        };
        var seed = new Option<string>("--seed") { Description = "Seed of the draw; default the standard's, else {pipeline}/{vendor}/{deliveryId} as the pipeline derives it." };
        var inspection = new Option<string>("--inspection")
        {
            Description = "The vendor's inspection state: normal, tightened or reduced; default the standard's (where the pipeline starts a vendor).",
        };
        var json = new Option<bool>("--json") { Description = "Print the sample as JSON (the batch's sample.json)." };
        var command = new Command("sample", "The review sample of a delivery: its acceptance plan and the units drawn, as the pipeline draws them.")
        {
            delivery, standard, seed, inspection, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(delivery), parse.GetRequiredValue(standard), parse.GetValue(seed), parse.GetValue(inspection), parse.GetValue(json),
            parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo file, FileInfo standardFile, string? seed, string? inspection, bool json, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (inspection is not null && !InspectionLevelNames.TryParseSeverity(inspection, out _))
        {
            await console.Error.WriteLineAsync($"--inspection {inspection}: use normal, tightened or reduced");
            return ExitCodes.BadInput;
        }

        if (seed is { Length: 0 })
        {
            await console.Error.WriteLineAsync("--seed '': must not be empty");
            return ExitCodes.BadInput;
        }

        if (await StandardCommand.LoadAsync(standardFile, console, cancellationToken) is not { } standard)
        {
            return ExitCodes.BadInput;
        }

        if (standard.Sampling is not { } settings)
        {
            await console.Error.WriteLineAsync($"{standardFile.FullName}: standard {standard.Reference} has no sampling section; it is what gives the sample its AQL, level and strata (docs/standards.md)");
            return ExitCodes.BadInput;
        }

        var severity = inspection is null ? settings.StartingSeverity : Enum.Parse<InspectionSeverity>(inspection, ignoreCase: true);

        // Matched as the pipeline matches: its defaults, with the standard's IoU thresholds.
        var spatial = standard.Matching is { } matching ? new SpatialOptions { Thresholds = matching } : new SpatialOptions();
        var frame = new List<ReviewUnit>();
        if (await LocalDelivery.TryAuditAsync(file, new LocalDelivery.Options(null, null, null, new Dictionary<string, FieldDeclaration>()),
            new BootstrapOptions { Seed = BatchAudit.DefaultSeed }, spatial, console, cancellationToken, frame) is not { } audit)
        {
            return ExitCodes.BadInput;
        }

        var header = audit.Header;
        var sample = AuditSampling.Draw(frame, settings, seed ?? AuditSampling.SeedFor(settings, header.Pipeline, header.Vendor, header.DeliveryId), severity);
        if (json)
        {
            await console.Output.WriteLineAsync(PrintedJson.Serialize(sample));
        }
        else
        {
            var seedSource = seed is not null ? "--seed" : settings.Seed is not null ? "the standard's" : "the delivery's";
            await WriteTextAsync(console.Output, sample, seedSource);
        }

        return ExitCodes.Success;
    }

    private static async Task WriteTextAsync(TextWriter output, AuditSample sample, string seedSource)
    {
        await output.WriteLineAsync(SamplingCommand.Describe(sample.Plan, sample.LotSize));
        var strata = sample.StrataBy.Count == 0 ? "unstratified" : $"strata by {string.Join('|', sample.StrataBy)}, at least {sample.MinimumPerStratum} per stratum";
        await output.WriteLineAsync(Invariant(
            $"seed {sample.Seed} ({seedSource}), {sample.Method}{(sample.RiskWeighted ? ", risk-weighted" : "")}, {strata}: {sample.Size} units drawn"));

        var keyWidth = sample.Strata.Select(s => s.Key.Length).Append("stratum".Length).Max();
        await output.WriteLineAsync($"  {"stratum".PadRight(keyWidth)}  population  selected");
        foreach (var stratum in sample.Strata)
        {
            await output.WriteLineAsync(Invariant($"  {stratum.Key.PadRight(keyWidth)}  {stratum.Population,10}  {stratum.Selected,8}"));
        }

        var itemWidth = sample.Items.Select(i => i.Item.Length).Append("item".Length).Max();
        var annotatorWidth = sample.Items.Select(i => i.Annotator.Length).Append("annotator".Length).Max();
        await output.WriteLineAsync($"  {"item".PadRight(itemWidth)}  {"annotator".PadRight(annotatorWidth)}  {"stratum".PadRight(keyWidth)}  π");
        foreach (var item in sample.Items)
        {
            await output.WriteLineAsync(Invariant(
                $"  {item.Item.PadRight(itemWidth)}  {item.Annotator.PadRight(annotatorWidth)}  {item.Stratum.PadRight(keyWidth)}  {item.InclusionProbability:0.0000}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
