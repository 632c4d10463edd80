using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Taxonomy;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Findings;

/// <summary>
/// The sample lidar delivery's designed flaws (samples/README.md: ann-02 misses about 40% of pedestrians, ann-03 labels
/// every cyclist a pedestrian) checked against driving@1.1.0, whose required attributes the sample lacks on every car,
/// truck and pedestrian: each error is attributed to whom it belongs.
/// </summary>
public sealed class SampleDeliveryFindingsTests
{
    [Fact]
    public async Task Analyze_SampleLidarDelivery_IndividualFlawsNamedAndTheMissingAttributeIsTheSystems()
    {
        var taxonomy = TaxonomyDocument.Parse(await File.ReadAllTextAsync(Repository.Sample("taxonomies/driving@1.1.0.yaml")), "driving@1.1.0.yaml");
        await using var delivery = File.OpenRead(Repository.Sample("front-lidar-cuboids.jsonl"));
        var audit = await DeliveryAuditor.AuditAsync(delivery, "front-lidar-cuboids.jsonl", CancellationToken.None, checker: new TaxonomyChecker(taxonomy));
        var types = BatchErrorCounts.Of(audit.Result).Types().ToList();

        var verdicts = ErrorSourceAnalysis.Analyze([.. types.Select(t => new ErrorObservation(TypeOf(t), t.Annotators, null))])
            .ToDictionary(v => v.Type.Key);

        var missing = verdicts["rule:missing-required-attribute"];
        Assert.Equal((752L, 842L), (missing.Pooled.Errors, missing.Pooled.Opportunities)); // 89.3%
        Assert.Equal(ErrorSource.SystemError, missing.Source);
        Assert.Empty(missing.FlaggedAnnotators);
        Assert.Equal(ErrorSource.SystemError, verdicts["rule:attribute-value-not-allowed"].Source); // 842 of 842: occlusion 0/1/2 is not none/partial/heavy
        Assert.Equal(ErrorSource.IndividualError, verdicts["confusion:cyclist>pedestrian"].Source);
        Assert.Equal(["ann-03"], verdicts["confusion:cyclist>pedestrian"].FlaggedAnnotators);
        Assert.Equal(ErrorSource.IndividualError, verdicts["miss:pedestrian"].Source);
        Assert.Equal(["ann-02"], verdicts["miss:pedestrian"].FlaggedAnnotators);
    }

    private static ErrorType TypeOf(ErrorTypeCounts type) => type.Kind switch
    {
        BatchErrorCounts.Confusion => ErrorType.Confusion(type.Subject, type.LabeledAs!),
        BatchErrorCounts.Miss => ErrorType.Miss(type.Subject),
        _ => ErrorType.TaxonomyRule(type.Subject),
    };
}
