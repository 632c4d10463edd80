using System.CommandLine;
using System.Globalization;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.RootCauses;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality audit &lt;file&gt; [--json] [--level field=ordinal]…</c>: the offline audit of a canonical delivery or a
/// ratings table (<c>item,annotator,field,value</c> CSV), with the same figures and agreement suite the pipeline stores
/// for it (the pipeline's tests compare the two).
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "A canonical JSON Lines delivery, a manifest.json with its files beside it, or one file in a vendor format "
                + "(Label Studio JSON, COCO, nuScenes, an item,annotator,field,value or units × coders CSV table).",
        };
        var format = new Option<string>("--format") { Description = "Declare the file's format instead of detecting it: " + string.Join(", ", AnnotationFormats.All.Select(f => f.Name)) + "." };
        format.AcceptOnlyFromAmong([.. AnnotationFormats.All.Select(f => f.Name)]);
        var annotator = new Option<string>("--annotator") { Description = "Whose annotations a file holds when its format does not say (COCO, nuScenes)." };
        var field = new Option<string>("--field") { Description = "The field the values of a units × coders CSV table (item_id,ann-01,ann-02,…) are of (default: value)." };
        var taxonomy = new Option<FileInfo>("--taxonomy") { Description = "A taxonomy YAML file to check every annotation against (as the pipeline does with registered taxonomies)." };
        var standard = new Option<FileInfo>("--standard")
        {
            Description = "A quality standard YAML file (docs/standards.md): judge the delivery by it and print the verdict; its IoU thresholds apply unless --iou is given.",
        };
        var role = new Option<string>("--role") { Description = "The role of every annotation in the file: annotator, reviewer or gold." };
        role.AcceptOnlyFromAmong("annotator", "reviewer", "gold");
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON (the shapes of GET /api/batches/{id} and /agreement)." };
        var html = new Option<FileInfo>("--html") { Description = "Also write the batch report, one self-contained HTML page, to this file (as GET /api/batches/{id}/report)." };
        var levels = new Option<string[]>("--level")
        {
            Description = "Declare a field's level: field=nominal|ordinal|interval|ratio (repeatable). Overrides the delivery header.",
            AllowMultipleArgumentsPerToken = false,
        };
        var iou = new Option<double>("--iou")
        {
            Description = "IoU threshold τ for matching objects (0 < τ ≤ 1).",
            DefaultValueFactory = _ => Quality.Domain.Matching.MaximumWeightMatching.DefaultThreshold,
        };
        var iouMode = new Option<string>("--iou-mode")
        {
            Description = "IoU of cuboids: 3d (default) or bev; 2d boxes always use image IoU.",
            DefaultValueFactory = _ => "3d",
        };
        iouMode.AcceptOnlyFromAmong("3d", "bev", "2d");
        var seed = new Option<int>("--seed") { Description = "Seed of the alpha bootstrap (same seed, same intervals).", DefaultValueFactory = _ => BatchAudit.DefaultSeed };
        var facts = AuditFacts.FolderOption();
        var factsDate = AuditFacts.DateOption();
        var command = new Command("audit", "Audit a delivery offline: counts and the agreement suite per field.") { file, format, annotator, field, role, taxonomy, standard, json, html, levels, iou, iouMode, seed, facts, factsDate };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file), parse.GetValue(format), parse.GetValue(annotator), parse.GetValue(role), parse.GetValue(taxonomy), parse.GetValue(json), parse.GetValue(levels) ?? [], parse.GetValue(seed),
            new AuditSpatialArguments(parse.GetValue(iou), parse.GetValue(iouMode) ?? "3d") { IouGiven = parse.GetResult(iou) is { Implicit: false } },
            parse.GetValue(standard), parse.GetValue(html), parse.GetValue(field), (parse.GetValue(facts), parse.GetValue(factsDate)), parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo file, string? format, string? annotator, string? role, FileInfo? taxonomyFile, bool json, string[] levels, int seed, AuditSpatialArguments spatialArguments, FileInfo? standardFile,
        FileInfo? html, string? field, (DirectoryInfo? Folder, string? Date) facts, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (spatialArguments.Iou is not (> 0 and <= 1))
        {
            await console.Error.WriteLineAsync($"--iou {spatialArguments.Iou.ToString(CultureInfo.InvariantCulture)}: must be greater than 0 and at most 1");
            return ExitCodes.BadInput;
        }

        QualityStandard? standard = null;
        if (standardFile is not null && (standard = await StandardCommand.LoadAsync(standardFile, console, cancellationToken)) is null)
        {
            return ExitCodes.BadInput;
        }

        var spatial = new SpatialOptions
        {
            Thresholds = standard?.Matching is { } matching && !spatialArguments.IouGiven
                ? matching
                : new Quality.Domain.Matching.MatchingThresholds { Default = spatialArguments.Iou },
            CuboidMode = spatialArguments.Mode == "bev" ? Quality.Domain.Geometry.CuboidIouMode.BirdsEyeView : Quality.Domain.Geometry.CuboidIouMode.ThreeD,
        };

        var declared = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal);
        foreach (var level in levels)
        {
            if (ParseLevel(level) is not { } parsed)
            {
                await console.Error.WriteLineAsync($"--level '{level}': expected field=nominal|ordinal|interval|ratio");
                return ExitCodes.BadInput;
            }

            declared[parsed.Field] = new FieldDeclaration(parsed.Level);
        }

        TaxonomyChecker? checker = null;
        if (taxonomyFile is not null)
        {
            try
            {
                checker = new TaxonomyChecker(TaxonomyDocument.Parse(await File.ReadAllTextAsync(taxonomyFile.FullName, cancellationToken), taxonomyFile.Name));
            }
            catch (Exception e) when (e is TaxonomyFormatException or IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync(e is TaxonomyFormatException ? e.Message : $"{taxonomyFile.FullName}: {e.Message}");
                return ExitCodes.BadInput;
            }
        }

        var factsDate = facts.Folder is null ? null : await AuditFacts.ParseDateAsync(facts.Date, console);
        if (facts.Folder is not null && factsDate is null)
        {
            return ExitCodes.BadInput;
        }

        var collector = facts.Folder is null ? null : new Quality.Domain.Facts.FactCollector();
        var roleOf = role switch { "gold" => AnnotatorRole.Gold, "reviewer" => AnnotatorRole.Reviewer, "annotator" => AnnotatorRole.Annotator, _ => (AnnotatorRole?)null };
        var frame = new List<Quality.Domain.Sampling.ReviewUnit>();
        // Every gold comparison outcome, tallied by its strata as it is made and kept in a temporary file for the
        // drill-down's interaction pass: memory does not grow with the rows.
        var rootCauseOptions = new RootCauseOptions { Thresholds = spatial.Thresholds };
        using var evidence = new SpilledEvidenceCollection(TemporaryFile(), rootCauseOptions);
        if (await LocalDelivery.TryAuditAsync(file, new LocalDelivery.Options(format, annotator, roleOf, declared, checker, field),
            new BootstrapOptions { Seed = seed }, spatial, console, cancellationToken, html is null ? null : frame, evidence, collector) is not { } audit)
        {
            return ExitCodes.BadInput;
        }

        if (checker is not null && audit.Header.Taxonomy.Name != "none" && audit.Header.Taxonomy != checker.Taxonomy.Reference)
        {
            await console.Error.WriteLineAsync($"note: the delivery names taxonomy {audit.Header.Taxonomy}; checked against {checker.Taxonomy.Reference} as asked");
        }

        var metrics = audit.Metrics;
        // The root causes and the views (each bootstrap on its own seeded stream) depend on nothing of each other: both cores.
        // A thread of its own, not the pool's queue: the geometric alpha's bootstrap (started as the audit finished) holds
        // every pool thread with its replicates, and a queued analysis would wait for all of them before it began.
        var rootCauses = Task.Factory.StartNew(
            () => evidence.Count == 0 ? null : RootCauseAnalysis.Analyse(evidence.Strata, evidence, rootCauseOptions),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var objects = audit.Result.Spatial.IsEmpty ? null : SpatialReportView.From(audit.Result.Spatial, audit.Bootstrap);
        var report = new AuditReport(file.Name, audit.Header, metrics.Items, metrics.Annotators, metrics.Annotations,
            CountsView.From(metrics)!, AgreementSuiteView.From(audit.Result, audit.Bootstrap), objects?.Audit, objects?.Spatial)
        {
            Violations = audit.Result.Violations?.ToView(),
            Verdict = standard is null ? null : StandardEvaluation.Evaluate(standard, BatchMeasurements.Of(audit.Result)),
            Warnings = audit.Warnings,
            TagGold = audit.Result.TagGold.IsEmpty ? null : TagGoldView.From(audit.Result.TagGold),
            RootCauses = await rootCauses,
        };
        if (standard is not null && standard.Name != audit.Header.Pipeline)
        {
            await console.Error.WriteLineAsync($"note: the delivery is of pipeline {audit.Header.Pipeline}; judged by {standard.Reference} as asked");
        }

        if (facts.Folder is not null)
        {
            await AuditFacts.WriteAsync(file, facts.Folder, factsDate!.Value, audit, collector!, console, cancellationToken);
        }

        if (html is not null)
        {
            await AuditHtmlReport.WriteAsync(html, AuditHtmlReport.Sources(file.Name, report, audit, standard, checker, frame, TimeProvider.System), cancellationToken);
        }

        if (json)
        {
            await console.Output.WriteLineAsync(PrintedJson.Serialize(report));
        }
        else
        {
            await WriteTextAsync(console.Output, report);
        }

        return ExitCodes.Success;
    }

    /// <summary>A file of this process's own in the temporary folder, deleted when closed.</summary>
    private static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), "quality-evidence-" + Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private static (string Field, MeasurementLevel Level)? ParseLevel(string declaration)
    {
        var parts = declaration.Split('=', 2);
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            return null;
        }

        MeasurementLevel? level = parts[1] switch
        {
            "nominal" => MeasurementLevel.Nominal,
            "ordinal" => MeasurementLevel.Ordinal,
            "interval" => MeasurementLevel.Interval,
            "ratio" => MeasurementLevel.Ratio,
            _ => null,
        };
        return level is null ? null : (parts[0], level.Value);
    }

    private static async Task WriteTextAsync(TextWriter output, AuditReport report)
    {
        var agreement = report.Agreement;
        await output.WriteLineAsync($"{report.File}: delivery {report.Delivery.DeliveryId} ({report.Delivery.Pipeline}, {report.Delivery.Vendor}, taxonomy {report.Delivery.Taxonomy})");
        await output.WriteLineAsync(Invariant($"  items {report.Counts.Items}, annotators {report.Counts.Annotators}, annotations {report.Counts.Annotations}"));
        if (report.Violations is { } violations)
        {
            await output.WriteLineAsync(Invariant($"  taxonomy: {violations.Violations} violations in {violations.AnnotationsChecked} annotations checked"));
            foreach (var rule in violations.Rules.Where(r => r.Violations > 0))
            {
                var example = rule.Examples.Count > 0 ? $"; e.g. {rule.Examples[0].Message}" : "";
                await output.WriteLineAsync(Invariant($"    {rule.Rule}: {rule.Annotations} annotations, rate {Figure(rule.Rate)} {Interval(rule.RateCi95)}{example}"));
            }
        }
        await output.WriteLineAsync(Headline(agreement));
        foreach (var (name, field) in agreement.Fields)
        {
            await output.WriteLineAsync(Invariant(
                $"  field {name}: {StatisticNames.KrippendorffAlpha(field.Level)} {Alpha(field)}, {StatisticNames.FleissKappa} {Coefficient(field, "fleissKappa")}, ") +
                Invariant($"{StatisticNames.GwetAc1} {Coefficient(field, "gwetAc1")}, {StatisticNames.PercentAgreement} {Figure(field.PercentAgreement, NoPairableUnit)} ") +
                Invariant($"(units {field.Units}, pairable values {field.PairableValues})"));
            foreach (var (annotator, a) in field.PerAnnotator)
            {
                var without = a.AlphaWithout is null
                    ? Figure(null, "without them no unit has two values, or none varies")
                    : Invariant($"{Figure(a.AlphaWithout)} (change {Figure(a.AlphaChange)})");
                await output.WriteLineAsync(Invariant(
                    $"    annotator {annotator}: {a.Values} values, Krippendorff's alpha without them {without}, mean pairwise {StatisticNames.CohenKappa} {Figure(a.MeanPairwiseKappa, "no defined kappa with another annotator")}"));
            }
        }

        if (report.Audit is { } audit)
        {
            var o = audit.Overall;
            await output.WriteLineAsync(Invariant(
                $"  objects against gold: precision {Figure(o.Precision, NoObjects)}, recall {Figure(o.Recall, NoGold)}, F1 {Figure(o.F1, NoObjects)} {Interval(o.F1Ci95)}, mean IoU {Figure(o.MeanIou, NoMatch)}"));
            foreach (var (annotator, a) in audit.PerAnnotator)
            {
                await output.WriteLineAsync(a.Tp is null
                    ? Invariant($"    annotator {annotator}: {a.Objects} objects on {a.Items} items; no gold on them to compare with")
                    : Invariant($"    annotator {annotator}: {a.Objects} objects on {a.Items} items; tp {a.Tp}, misclassified {a.Misclassified}, missed {a.Fn}, extra {a.Fp}; F1 {Figure(a.F1, NoObjects)}, mean IoU {Figure(a.MeanIou, NoMatch)}"));
            }

            foreach (var (objectClass, c) in audit.PerClass)
            {
                await output.WriteLineAsync(Invariant($"    class {objectClass}: precision {Figure(c.Precision, NoObjects)}, recall {Figure(c.Recall, NoGold)}, F1 {Figure(c.F1, NoObjects)}"));
            }
        }

        if (report.TagGold is { } tags)
        {
            await TagGoldText.WriteAsync(output, tags);
        }

        if (report.RootCauses is { } causes)
        {
            await WriteRootCausesAsync(output, causes);
        }

        if (report.Spatial is { } spatial)
        {
            foreach (var pair in spatial.Pairwise)
            {
                await output.WriteLineAsync(Invariant(
                    $"  objects {pair.A} vs {pair.B}: {pair.Matches} matched of {pair.ObjectsA} and {pair.ObjectsB}, F1 {Figure(pair.F1, NoObjects)}, mean IoU {Figure(pair.MeanIou, NoMatch)}"));
            }
        }

        if (report.Verdict is { } verdict)
        {
            await output.WriteLineAsync($"  verdict: {verdict.Summary}");
            foreach (var reason in verdict.Reasons)
            {
                await output.WriteLineAsync($"    [{Status(reason.Status)}] {reason.Statement}");
            }
        }
    }

    /// <summary>The first five concentrations, one line each; all of them, with their evidence, are in --json's rootCauses.</summary>
    private static async Task WriteRootCausesAsync(TextWriter output, RootCauseReport causes)
    {
        var tested = causes.Strata.Count(t => t.PValue is not null);
        if (causes.Ranked.Count == 0)
        {
            await output.WriteLineAsync(Invariant($"  where errors concentrate: nowhere significant ({tested} error kind × stratum tests, Benjamini–Hochberg q ≤ 0.05)"));
            return;
        }

        await output.WriteLineAsync(Invariant($"  where errors concentrate ({causes.Ranked.Count} after Benjamini–Hochberg over {tested} tests; most excess errors first):"));
        foreach (var (concentration, rank) in causes.Ranked.Take(5).Select((c, i) => (c, i + 1)))
        {
            await output.WriteLineAsync(Invariant($"    {rank}. {concentration.Statement}"));
        }
    }

    private static string Status(RuleStatus status) => status switch
    {
        RuleStatus.Passed => "passed",
        RuleStatus.Failed => "failed",
        _ => "not evaluable",
    };

    private const string NoPairableUnit = "no unit has two or more values";
    private const string NoObjects = "no objects to count";
    private const string NoGold = "no gold objects";
    private const string NoMatch = "no matched pair";

    /// <summary>The batch's alpha, named with the level of the field it comes from, or why there is none.</summary>
    private static string Headline(AgreementSuiteView agreement)
    {
        var alpha = agreement.WeakestField is { } weakest
            ? Invariant($"{StatisticNames.KrippendorffAlpha(agreement.Fields[weakest].Level)} of the weakest field, {weakest}: {Figure(agreement.KrippendorffAlpha)}")
            : $"Krippendorff's alpha {Figure(null, agreement.AlphaUndefinedReason)}";
        return $"  {alpha}; {StatisticNames.PercentAgreement} {Figure(agreement.PercentAgreement, NoPairableUnit)}";
    }

    private static string Alpha(FieldAgreementSuiteView field) => field.KrippendorffAlpha is null
        ? Figure(null, field.AlphaUndefinedReason)
        : $"{Figure(field.KrippendorffAlpha)} {Interval(field.AlphaCi95)}";

    /// <summary>A kappa-family coefficient of the field, or why it is not defined (or not computed at the field's level).</summary>
    private static string Coefficient(FieldAgreementSuiteView field, string estimate) => field.Estimates.GetValueOrDefault(estimate) is { } e
        ? Figure(e.Value, e.UndefinedReason)
        : Figure(null, $"not computed for {field.Level} fields");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A statistic to four decimals, as a column of figures reads; "undefined (why)" when it is null.</summary>
    private static string Figure(double? value, string? whyUndefined = null) =>
        value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : ReportText.Figure(null, whyUndefined);

    private static string Interval(double[]? ci) => ci is null
        ? "[95% CI undefined: no bootstrap replicate has a defined value]"
        : $"[95% CI {Figure(ci[0])}, {Figure(ci[1])}]";
}

/// <summary>
/// What <c>quality audit --json</c> prints: the headline counts at the top (as scripts of the first release read
/// them), <c>counts</c> and <c>agreement</c> exactly as the API shows them.
/// </summary>
internal sealed record AuditReport(
    string File, DeliveryHeader Delivery, long Items, long Annotators, long Annotations, CountsView Counts, AgreementSuiteView Agreement,
    GoldAuditView? Audit, SpatialView? Spatial)
{
    /// <summary>Taxonomy violations when <c>--taxonomy</c> was given: the shape of <c>GET /api/batches/{id}/violations</c>' <c>violations</c>.</summary>
    public ViolationTallyView? Violations { get; init; }

    /// <summary>The delivery's verdict when <c>--standard</c> was given: the shape the pipeline stores with each batch.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>What the readers had to assume to read the delivery (e.g. Label Studio annotations naming no annotator).</summary>
    public IReadOnlyList<DeliveryWarning> Warnings { get; init; } = [];

    /// <summary>Frame tags against gold when the delivery has gold tags: the shape of <c>GET /api/batches/{id}/tags</c>.</summary>
    public TagGoldView? TagGold { get; init; }
    /// <summary>Where errors concentrate, when objects were compared with gold: the shape of <c>GET /api/batches/{id}/root-causes</c>.</summary>
    public RootCauseReport? RootCauses { get; init; }
}

/// <summary>The matching options as given on the command line.</summary>
internal sealed record AuditSpatialArguments(double Iou, string Mode)
{
    /// <summary>--iou was on the command line: it wins over a standard's thresholds.</summary>
    public bool IouGiven { get; init; }
}
