using Quality.Domain.ModelLinkage;

namespace Quality.Functions.Models;

/// <summary>A model's stored versions, oldest evaluation first.</summary>
internal sealed record ModelVersionListView(string Model, IReadOnlyList<ModelVersionEntryView> Versions);

/// <summary>One stored version: when and on what it was evaluated, and where to read it.</summary>
internal sealed record ModelVersionEntryView(string Version, DateTimeOffset EvaluatedAt, EvaluationSet EvaluationSet, int Classes, string Uri);
