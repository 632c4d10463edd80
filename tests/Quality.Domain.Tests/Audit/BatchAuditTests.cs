using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;

namespace Quality.Domain.Tests.Audit;

public sealed class BatchAuditTests
{
    [Fact]
    public void Same_annotator_tagging_a_field_twice_is_an_error_naming_both_lines()
    {
        var audit = new BatchAudit();

        var error = Assert.Throws<DeliveryFormatException>(() => audit.AddItem("d.jsonl",
        [
            Tag("f-1", "a", "weather", "fog", line: 7),
            Tag("f-1", "a", "weather", "rain", line: 9),
        ]));

        Assert.Equal(("d.jsonl", 9L, "field"), (error.File, error.Line, error.Field));
        Assert.Contains("on line 7", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Gold_labels_are_counted_but_are_not_coders()
    {
        var audit = new BatchAudit();
        audit.AddItem("d", [Tag("f-1", "a", "weather", "fog"), Tag("f-1", "b", "weather", "fog"), Tag("f-1", "key", "weather", "rain", role: AnnotatorRole.Gold)]);
        audit.AddItem("d", [Tag("f-2", "a", "weather", "rain"), Tag("f-2", "b", "weather", "rain")]);

        var metrics = audit.Metrics();

        Assert.Equal(2, metrics.Items);
        Assert.Equal(5, metrics.Annotations);
        Assert.Equal(2, metrics.Annotators);
        Assert.Equal(1, metrics.AnnotationsByRole["gold"]);
        // Two coders agree on both units: perfect agreement with variation (fog, rain) is alpha 1.
        Assert.Equal(1.0, metrics.KrippendorffAlphaNominal);
        Assert.Equal(4, metrics.Fields["weather"].PairableValues);
    }

    [Fact]
    public void Headline_alpha_is_the_weakest_field_and_fields_without_variation_are_undefined()
    {
        var audit = new BatchAudit();
        // weather: perfect agreement (alpha 1). road: Example A of Krippendorff (2011), binary, alpha 2/21.
        int[] meg = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        int[] owen = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        for (var u = 0; u < 10; u++)
        {
            var item = $"f-{u}";
            audit.AddItem("d",
            [
                Tag(item, "meg", "weather", u % 2 == 0 ? "fog" : "rain"),
                Tag(item, "owen", "weather", u % 2 == 0 ? "fog" : "rain"),
                Tag(item, "meg", "road", meg[u].ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Tag(item, "owen", "road", owen[u].ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Tag(item, "meg", "light", "day"),
                Tag(item, "owen", "light", "day"),
            ]);
        }

        var metrics = audit.Metrics();

        Assert.Equal("road", metrics.WeakestField);
        Assert.Equal(2.0 / 21, metrics.KrippendorffAlphaNominal, 12);
        Assert.True(double.IsNaN(metrics.Fields["light"].KrippendorffAlphaNominal));
        Assert.Equal(1.0, metrics.Fields["light"].PercentAgreement);
    }

    [Fact]
    public void State_round_trip_and_merge_give_the_single_pass_figures()
    {
        var whole = new BatchAudit();
        var left = new BatchAudit();
        var right = new BatchAudit();
        for (var u = 0; u < 30; u++)
        {
            IReadOnlyList<Annotation> item = [Tag($"f-{u}", "a", "w", $"{u % 3}"), Tag($"f-{u}", "b", "w", $"{u % 4 % 3}"), Tag($"f-{u}", "c", "w", $"{u % 5 % 3}")];
            whole.AddItem("d", item);
            (u % 2 == 0 ? left : right).AddItem("d", item);
        }

        var merged = BatchAudit.FromState(right.ToState());
        merged.Merge(BatchAudit.FromState(left.ToState()));

        Assert.Equivalent(whole.Metrics(), merged.Metrics(), strict: true);
    }

    private static Annotation Tag(string item, string annotator, string field, string label, long line = 2, AnnotatorRole role = AnnotatorRole.Annotator) =>
        new(item, annotator, role, field, label, line);
}
