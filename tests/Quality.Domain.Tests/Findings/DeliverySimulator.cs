using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

/// <summary>
/// A seeded generator of delivery sequences for the issue-6 scenarios: 5–8 annotators per delivery, each with 200–400
/// gold objects spread uniformly over six classes; per class one miss type and one confusion pair, each with a base rate
/// drawn once per sequence from U(1%, 2%) and the same for every annotator. <paramref name="rate"/> may change the rate
/// of a (delivery, annotator, error type) — deliveries are 1-based — to inject a system or an individual error.
/// </summary>
internal sealed class DeliverySimulator(int seed, Func<int, string, ErrorType, double, double>? rate = null)
{
    public static readonly string[] Classes = ["Car", "Pedestrian", "Wheelchair", "Cyclist", "Truck", "Bus"];

    // Each class has one outgoing confusion: Car→Truck, Pedestrian→Cyclist, Wheelchair→Pedestrian, …
    public static readonly string[] ConfusedAs = ["Truck", "Cyclist", "Pedestrian", "Pedestrian", "Bus", "Truck"];

    public static readonly ErrorType WheelchairAsPedestrian = ErrorType.Confusion("Wheelchair", "Pedestrian");

    private readonly Func<int, string, ErrorType, double, double> _rate = rate ?? ((_, _, _, r) => r);

    /// <summary>Per delivery (1-based index − 1) the error-type counts per annotator, keyed by <see cref="ErrorType.Key"/>.</summary>
    public IReadOnlyList<Dictionary<ErrorType, AnnotatorErrors[]>> Generate(int deliveries = 30)
    {
        var random = new Random(seed);
        var missRates = Classes.Select(_ => 0.01 + (0.01 * random.NextDouble())).ToArray();
        var confusionRates = Classes.Select(_ => 0.01 + (0.01 * random.NextDouble())).ToArray();
        var sequence = new List<Dictionary<ErrorType, AnnotatorErrors[]>>();
        for (var d = 1; d <= deliveries; d++)
        {
            var annotators = Enumerable.Range(1, random.Next(5, 9)).Select(i => $"a{i}").ToArray();
            var counts = new Dictionary<ErrorType, AnnotatorErrors[]>();
            for (var c = 0; c < Classes.Length; c++)
            {
                counts[ErrorType.Miss(Classes[c])] = new AnnotatorErrors[annotators.Length];
                counts[ErrorType.Confusion(Classes[c], ConfusedAs[c])] = new AnnotatorErrors[annotators.Length];
            }

            for (var a = 0; a < annotators.Length; a++)
            {
                var perClass = new long[Classes.Length];
                for (var o = random.Next(200, 401); o > 0; o--)
                {
                    perClass[random.Next(Classes.Length)]++;
                }

                for (var c = 0; c < Classes.Length; c++)
                {
                    var miss = ErrorType.Miss(Classes[c]);
                    var confusion = ErrorType.Confusion(Classes[c], ConfusedAs[c]);
                    var pMiss = _rate(d, annotators[a], miss, missRates[c]);
                    var pConfusion = _rate(d, annotators[a], confusion, confusionRates[c]);
                    long missed = 0, confused = 0;
                    for (var o = 0; o < perClass[c]; o++)
                    {
                        var u = random.NextDouble();
                        missed += u < pMiss ? 1 : 0;
                        confused += u >= pMiss && u < pMiss + pConfusion ? 1 : 0;
                    }

                    counts[miss][a] = new AnnotatorErrors(annotators[a], missed, perClass[c]);
                    counts[confusion][a] = new AnnotatorErrors(annotators[a], confused, perClass[c]);
                }
            }

            sequence.Add(counts);
        }

        return sequence;
    }

    /// <summary>The observations of delivery <paramref name="delivery"/> (1-based) with baselines pooled from every earlier delivery.</summary>
    public static ErrorObservation[] Observations(IReadOnlyList<Dictionary<ErrorType, AnnotatorErrors[]>> sequence, int delivery) =>
        [.. sequence[delivery - 1].Select(t => new ErrorObservation(t.Key, t.Value, Baseline(sequence, delivery, t.Key)))];

    /// <summary>The pooled counts of <paramref name="type"/> in deliveries 1..<paramref name="delivery"/>, for <see cref="ConfusionTrend"/>.</summary>
    public static DeliveryCount[] Trend(IReadOnlyList<Dictionary<ErrorType, AnnotatorErrors[]>> sequence, int delivery, ErrorType type) =>
        [.. sequence.Take(delivery).Select((d, i) => new DeliveryCount($"d{i + 1}", d[type].Sum(a => a.Errors), d[type].Sum(a => a.Opportunities)))];

    private static BaselineRate? Baseline(IReadOnlyList<Dictionary<ErrorType, AnnotatorErrors[]>> sequence, int delivery, ErrorType type)
    {
        if (delivery == 1)
        {
            return null;
        }

        var earlier = sequence.Take(delivery - 1).SelectMany(d => d[type]).ToArray();
        return new BaselineRate(earlier.Sum(a => a.Errors), earlier.Sum(a => a.Opportunities));
    }
}
