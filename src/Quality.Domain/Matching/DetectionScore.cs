namespace Quality.Domain.Matching;

/// <summary>Detection figures of one class (or all classes) against a reference, with Wilson 95% intervals.</summary>
/// <param name="TruePositives">Matched pairs whose two objects have this class.</param>
/// <param name="MisclassifiedFrom">Reference objects of this class matched to a candidate object of another class.</param>
/// <param name="MisclassifiedInto">Candidate objects of this class matched to a reference object of another class.</param>
/// <param name="Missed">Reference objects of this class left unmatched.</param>
/// <param name="Extra">Candidate objects of this class left unmatched.</param>
/// <param name="MeanSimilarity">Mean similarity of the matched pairs whose reference object has this class; NaN if none.</param>
/// <remarks>
/// Precision = TP / (TP + FP) with FP = misclassified into + extra; recall = TP / (TP + FN) with FN = misclassified
/// from + missed; each with the <see cref="WilsonScoreInterval"/>. F1 = 2TP / (2TP + FP + FN) is not a binomial
/// proportion, but it is the increasing function 2J / (1 + J) of J = TP / (TP + FP + FN), which is one (the share of
/// true positives among all objects in play — the Jaccard index or critical success index); its interval is the
/// Wilson interval of J mapped through that function. Every rate is NaN when its denominator is 0.
/// Over all classes (<see cref="ConfusionMatrix.Overall"/>) both misclassified counts are the total misclassified.
/// </remarks>
public readonly record struct DetectionScore(
    long TruePositives, long MisclassifiedFrom, long MisclassifiedInto, long Missed, long Extra, double MeanSimilarity)
{
    public long FalsePositives => MisclassifiedInto + Extra;

    public long FalseNegatives => MisclassifiedFrom + Missed;

    public RateEstimate Precision => WilsonScoreInterval.Compute(TruePositives, TruePositives + FalsePositives);

    public RateEstimate Recall => WilsonScoreInterval.Compute(TruePositives, TruePositives + FalseNegatives);

    public RateEstimate F1
    {
        get
        {
            var jaccard = WilsonScoreInterval.Compute(TruePositives, TruePositives + FalsePositives + FalseNegatives);
            return new RateEstimate(FromJaccard(jaccard.Value), FromJaccard(jaccard.Lower), FromJaccard(jaccard.Upper));
        }
    }

    private static double FromJaccard(double j) => 2 * j / (1 + j);
}
