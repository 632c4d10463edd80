using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Audit;

/// <summary>The figures of <see cref="HandWorkedAudit"/>, worked by hand.</summary>
public sealed class SeriesFiguresTests
{
    [Fact]
    public void Of_GoldAndTags_GivesErrorRatesIousAndAlphaByHand()
    {
        var result = Audit();

        var figures = SeriesFigures.Of(result);

        // 4 gold comparisons (2 gold objects × 2 annotators): a's pedestrian misclassified, b's missed.
        Assert.Equal((2.0, 4.0), Proportion(figures, "gold-error-rate", null));
        Assert.Equal((0.0, 2.0), Proportion(figures, "gold-error-rate", "car"));
        Assert.Equal((2.0, 2.0), Proportion(figures, "gold-error-rate", "pedestrian"));
        // Matched pairs: a's car (IoU 1), a's pedestrian as cyclist (IoU 1), b's car (IoU 1/3).
        Assert.Equal(7.0 / 9, Value(figures, "mean-iou", null), 1e-9);
        Assert.Equal(2.0 / 3, Value(figures, "mean-iou", "car"), 1e-9);
        // Nominal alpha of (sun,sun), (rain,rain), (sun,rain): D_o = 2/6, D_e = 2·3·3/(6·5) = 0.6, alpha = 1 − (1/3)/0.6 = 4/9.
        Assert.Equal(4.0 / 9, Value(figures, "alpha", null), 1e-12);
        Assert.Equal(4.0 / 9, Value(figures, "alpha", "weather"), 1e-12);
        Assert.DoesNotContain(figures, f => f.Metric.StartsWith("violation", StringComparison.Ordinal));
        Assert.DoesNotContain(figures, f => f.Class == "cyclist");
    }

    [Fact]
    public void Of_ViolationsChecked_GivesTheRateOfViolatingAnnotationsAndViolationsPerItem()
    {
        var tally = new ViolationTally();
        tally.Add([V("unknown-class"), V("box-too-small")], "car", "a");
        tally.Add([V("box-too-small")], "car", "b");
        tally.Add([], "car", "a");
        tally.Add([], "car", "b");

        var figures = SeriesFigures.Of(Audit() with { Violations = tally });

        Assert.Equal((2.0, 4.0), Proportion(figures, "violation-rate", null));
        Assert.Equal((2.0, 4.0), Proportion(figures, "violation-rate", "box-too-small"));
        Assert.Equal((1.0, 4.0), Proportion(figures, "violation-rate", "unknown-class"));
        // 3 violations over the batch's 4 items.
        Assert.Equal((3.0, 4.0), Proportion(figures, "violations-per-item", null));
    }

    [Fact]
    public void Of_NothingDefined_GivesNoFigures()
    {
        var audit = new BatchAudit();
        audit.AddItem("a.jsonl", [new Annotation("i", "a", AnnotatorRole.Annotator, "weather", "sun", 2)]);

        Assert.Empty(SeriesFigures.Of(audit.Finish(_ => Domain.Formats.Canonical.FieldDeclaration.Nominal, new BootstrapOptions { Seed = 1, Replicates = 10 })));
    }

    private static BatchAuditResult Audit() => HandWorkedAudit.Result();

    private static (double Count, double Size) Proportion(IReadOnlyList<SeriesFigure> figures, string metric, string? c)
    {
        var figure = Assert.Single(figures, f => f.Metric == metric && f.Class == c);
        return (figure.Count!.Value, figure.Size!.Value);
    }

    private static double Value(IReadOnlyList<SeriesFigure> figures, string metric, string? c) =>
        Assert.Single(figures, f => f.Metric == metric && f.Class == c).Value!.Value;

    private static Violation V(string rule) => new(rule, "car", "i", "a", "a.jsonl", 2, null, "label", "message");
}
