namespace Quality.Pipeline.Rollups;

/// <summary>
/// One risk of the day in a plain sentence, as a safety or business signal: <see cref="Kind"/> is <c>safety</c> (labels
/// that train a model to miss or confuse what it must see), <c>business</c> (rework, cost, a vendor drifting) or
/// <c>process</c> (a guideline, taxonomy or tool to fix); <see cref="Signal"/> names the class of risk
/// (<c>model-risk class</c>, <c>rework cost</c>, …).
/// </summary>
public sealed record BriefRisk(string Pipeline, string Kind, string Signal, string Sentence, int Deliveries)
{
    public const string Safety = "safety";
    public const string Business = "business";
    public const string Process = "process";
}
