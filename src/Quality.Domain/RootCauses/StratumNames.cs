namespace Quality.Domain.RootCauses;

/// <summary>The names of the strata every gold comparison outcome carries (<see cref="ObjectStrata"/>).</summary>
public static class StratumNames
{
    /// <summary>The gold class; for an extra object, the class the annotator gave it.</summary>
    public const string Class = "class";

    /// <summary>Range from ego in bins (<see cref="StratumBins.Range"/>); cuboids only.</summary>
    public const string Range = "range";

    /// <summary>Volume (cuboids) or area (boxes) in bins (<see cref="StratumBins.CuboidSize"/>, <see cref="StratumBins.BoxSize"/>).</summary>
    public const string Size = "size";

    public const string Annotator = "annotator";

    /// <summary>A frame tag of the item: <c>tag.{field}</c>, the gold value when the item has one, else the annotators' majority.</summary>
    public const string TagPrefix = "tag.";

    /// <summary>An attribute of the object (occlusion, visibility): <c>attribute.{name}</c>, the gold object's value, else the annotator's.</summary>
    public const string AttributePrefix = "attribute.";

    /// <summary>An entry of the delivery header's or manifest's <c>metadata</c>: <c>delivery.{name}</c>.</summary>
    public const string DeliveryPrefix = "delivery.";
}
