using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// What a <see cref="StrataTally"/> reads of an evidence row, and the row itself, asked for only when a cell keeps it as
/// an example: a row read back from a spill (<see cref="EvidenceRowCodec.Reader"/>) is then made an object, one error row
/// in thousands, instead of every row of the interaction pass with its object ids and strata.
/// </summary>
internal interface ITalliedRow
{
    /// <inheritdoc cref="EvidencePair.Outcome"/>
    string Outcome { get; }

    /// <inheritdoc cref="EvidencePair.Annotator"/>
    string Annotator { get; }

    /// <inheritdoc cref="EvidencePair.GoldClass"/>
    string? GoldClass { get; }

    /// <inheritdoc cref="EvidencePair.Iou"/>
    double? Iou { get; }

    /// <summary>Some attribute of the pair differs (<see cref="EvidencePair.AttributeDifferences"/> is not empty).</summary>
    bool HasAttributeDifferences { get; }

    /// <summary>The row's strata levels (<see cref="ObjectStrata.Levels"/>); null for a row without strata, which is not tallied.</summary>
    CompactDictionary? Levels { get; }

    /// <summary>The row as an object, the same one each time it is asked for the same row.</summary>
    EvidencePair Row { get; }
}

/// <summary>A row that is an object already: the audit's rows as they are made, and rows held in a list.</summary>
internal readonly struct TalliedPair(EvidencePair row) : ITalliedRow
{
    public string Outcome => row.Outcome;

    public string Annotator => row.Annotator;

    public string? GoldClass => row.GoldClass;

    public double? Iou => row.Iou;

    public bool HasAttributeDifferences => row.AttributeDifferences is { Count: > 0 };

    public CompactDictionary? Levels => row.Strata is { } strata ? CompactDictionary.Of(strata.Levels) : null;

    public EvidencePair Row => row;
}
