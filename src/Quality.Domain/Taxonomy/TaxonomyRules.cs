namespace Quality.Domain.Taxonomy;

/// <summary>
/// The stable ids of the taxonomy checks (kebab-case; they are stored with counts and named by findings, so they never
/// change meaning). Each is documented with an example in <c>docs/taxonomy.md</c>.
/// </summary>
public static class TaxonomyRules
{
    public const string UnknownClass = "unknown-class";
    public const string DeprecatedClass = "deprecated-class";
    public const string SynonymUsed = "synonym-used";
    public const string UnknownTagField = "unknown-tag-field";
    public const string TagValueNotAllowed = "tag-value-not-allowed";
    public const string MissingRequiredAttribute = "missing-required-attribute";
    public const string AttributeValueNotAllowed = "attribute-value-not-allowed";
    public const string UnknownAttribute = "unknown-attribute";
    public const string ImplausibleSize3d = "implausible-size-3d";
    public const string InvalidGeometry = "invalid-geometry";
    public const string BoxTooSmall = "box-too-small";
    public const string BoxOutsideImage = "box-outside-image";
    public const string DuplicateId = "duplicate-id";

    /// <summary>Every rule with what it flags, in the order views list them.</summary>
    public static IReadOnlyList<(string Rule, string Description)> All { get; } =
    [
        (UnknownClass, "an object's label is neither a class nor a synonym of one"),
        (DeprecatedClass, "an object's class is deprecated; the message names its replacement"),
        (SynonymUsed, "an object's label is a synonym: accepted as its class, counted so the vendor uses the class name"),
        (UnknownTagField, "a frame tag's field is not a tag field of the taxonomy"),
        (TagValueNotAllowed, "a frame tag's value is not one of the field's values, not a number, or outside its range"),
        (MissingRequiredAttribute, "an object lacks an attribute required for its class or an ancestor class"),
        (AttributeValueNotAllowed, "an attribute's value is not one of its values, not a number, or outside its range"),
        (UnknownAttribute, "an object carries an attribute the taxonomy does not declare"),
        (ImplausibleSize3d, "a cuboid's length, width or height lies outside its class's range in metres"),
        (InvalidGeometry, "a box or cuboid has a NaN, infinite or negative size, or a non-finite position"),
        (BoxTooSmall, "a 2D box is narrower or lower than its class's minimum in pixels"),
        (BoxOutsideImage, "a 2D box extends beyond its image by more than the tolerance"),
        (DuplicateId, "an object id repeats within one annotator's annotations of one item"),
    ];
}
