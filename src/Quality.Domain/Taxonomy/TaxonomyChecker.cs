using System.Globalization;
using Quality.Domain.Annotations;
using Quality.Domain.Geometry;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// Checks annotations against one taxonomy version, one item at a time, into a <see cref="ViolationTally"/>. The rules
/// are <see cref="TaxonomyRules"/>. An object whose label is no class gets <c>unknown-class</c> and only the checks that
/// need no class (geometry validity, box inside the image, its attributes' values); a synonym or deprecated class is
/// counted and then checked as the class it names.
/// </summary>
public sealed class TaxonomyChecker
{
    private readonly TaxonomyCheckOptions _options;

    public TaxonomyChecker(Taxonomy taxonomy, TaxonomyCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        Taxonomy = taxonomy;
        _options = options ?? new TaxonomyCheckOptions();
    }

    public Taxonomy Taxonomy { get; }

    /// <summary>
    /// Checks every annotation of one item (all annotators) and adds each to <paramref name="tally"/>. Object ids must be
    /// unique within one annotator's annotations of the item: tools number regions per annotator, so two annotators
    /// sharing an id is not a violation.
    /// </summary>
    public void CheckItem(IReadOnlyList<Annotation> annotations, ViolationTally tally)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(tally);
        var firstSeen = new Dictionary<(string Annotator, string Id), Annotation>();
        foreach (var annotation in annotations)
        {
            if (annotation.Item != annotations[0].Item)
            {
                throw new ArgumentException($"CheckItem takes one item's annotations; got '{annotations[0].Item}' and '{annotation.Item}'", nameof(annotations));
            }

            var violations = Check(annotation);
            if (annotation.Id is { } id && !firstSeen.TryAdd((annotation.Annotator, id), annotation))
            {
                var first = firstSeen[(annotation.Annotator, id)];
                violations.Add(At(annotation, TaxonomyRules.DuplicateId, "id",
                    Invariant($"id '{id}' was already used by annotator '{annotation.Annotator}' on this item (line {first.Line}{(first.File is null ? "" : " of " + first.File)})")));
            }

            tally.Add(violations, annotation.IsTag ? annotation.Field : annotation.Label,
                annotation.Role == AnnotatorRole.Annotator ? annotation.Annotator : null);
        }
    }

    /// <summary>The violations of one annotation on its own (all rules but <c>duplicate-id</c>, which needs the item).</summary>
    public List<Violation> Check(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var violations = new List<Violation>();
        if (annotation.IsTag)
        {
            CheckTag(annotation, violations);
            return violations;
        }

        var resolved = Taxonomy.Resolve(annotation.Label);
        if (resolved is not { Class: var c, ViaSynonym: var viaSynonym })
        {
            violations.Add(At(annotation, TaxonomyRules.UnknownClass, "label", $"'{annotation.Label}' is neither a class nor a synonym in {Taxonomy}"));
        }
        else
        {
            if (viaSynonym)
            {
                violations.Add(At(annotation, TaxonomyRules.SynonymUsed, "label", $"'{annotation.Label}' is a synonym of '{c.Name}'; label it '{c.Name}'"));
            }

            if (c.ReplacedBy is { } replacement)
            {
                violations.Add(At(annotation, TaxonomyRules.DeprecatedClass, "label",
                    $"class '{c.Name}' is deprecated in {Taxonomy}; use '{replacement}' instead{(c.DeprecationReason is { } why ? $" ({why})" : "")}"));
            }
        }

        CheckAttributes(annotation, resolved?.Class, violations);
        CheckGeometry(annotation, resolved?.Class, violations);
        return violations;
    }

    private void CheckTag(Annotation tag, List<Violation> violations)
    {
        if (Taxonomy.Tag(tag.Field) is not { } field)
        {
            violations.Add(At(tag, TaxonomyRules.UnknownTagField, "field", $"'{tag.Field}' is not a tag field of {Taxonomy}", tag.Field));
        }
        else if (field.Problem(tag.Label) is { } problem)
        {
            violations.Add(At(tag, TaxonomyRules.TagValueNotAllowed, "label", $"{problem}; tag field '{tag.Field}'", tag.Field));
        }
    }

    private void CheckAttributes(Annotation annotation, TaxonomyClass? resolved, List<Violation> violations)
    {
        var given = annotation.Attributes ?? new Dictionary<string, string>();
        foreach (var (name, value) in given.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (Taxonomy.Attribute(name) is not { } attribute)
            {
                violations.Add(At(annotation, TaxonomyRules.UnknownAttribute, "attributes." + name, $"'{name}' is not an attribute of {Taxonomy}"));
            }
            else if (attribute.Problem(value) is { } problem)
            {
                violations.Add(At(annotation, TaxonomyRules.AttributeValueNotAllowed, "attributes." + name, problem));
            }
        }

        foreach (var required in resolved is null ? [] : Taxonomy.RequiredAttributesOf(resolved.Name))
        {
            if (!given.ContainsKey(required.Name))
            {
                violations.Add(At(annotation, TaxonomyRules.MissingRequiredAttribute, "attributes." + required.Name,
                    $"class '{resolved!.Name}' requires attribute '{required.Name}'"));
            }
        }
    }

    private void CheckGeometry(Annotation annotation, TaxonomyClass? resolved, List<Violation> violations)
    {
        var limits = resolved is null ? Plausibility.Unconstrained : Taxonomy.PlausibilityOf(resolved.Name);
        if (annotation.Box is { } box)
        {
            if (InvalidPart(("x", box.X, false), ("y", box.Y, false), ("width", box.Width, true), ("height", box.Height, true)) is { } bad)
            {
                violations.Add(At(annotation, TaxonomyRules.InvalidGeometry, "geometry." + bad.Name, Invariant($"box {bad.Name} {bad.Value} is {bad.Problem}")));
                return;
            }

            CheckBox(annotation, box, limits, resolved?.Name, violations);
        }

        if (annotation.Cuboid is { } cuboid)
        {
            if (InvalidPart(("x", cuboid.X, false), ("y", cuboid.Y, false), ("z", cuboid.Z, false), ("yaw", cuboid.Yaw, false),
                    ("length", cuboid.Length, true), ("width", cuboid.Width, true), ("height", cuboid.Height, true)) is { } bad)
            {
                violations.Add(At(annotation, TaxonomyRules.InvalidGeometry, "geometry." + bad.Name, Invariant($"cuboid {bad.Name} {bad.Value} is {bad.Problem}")));
                return;
            }

            foreach (var (name, size, range) in new[] { ("length", cuboid.Length, limits.Length), ("width", cuboid.Width, limits.Width), ("height", cuboid.Height, limits.Height) })
            {
                if (range is { } r && !r.Contains(size))
                {
                    violations.Add(At(annotation, TaxonomyRules.ImplausibleSize3d, "geometry." + name,
                        Invariant($"{name} {size} m is outside {r} m for class '{resolved!.Name}'")));
                }
            }
        }
    }

    private void CheckBox(Annotation annotation, Box2D box, Plausibility limits, string? className, List<Violation> violations)
    {
        if (box.Width < (limits.MinBoxWidth ?? 0) || box.Height < (limits.MinBoxHeight ?? 0))
        {
            violations.Add(At(annotation, TaxonomyRules.BoxTooSmall, "geometry",
                Invariant($"box {box.Width}x{box.Height} px is below the minimum {limits.MinBoxWidth ?? 0}x{limits.MinBoxHeight ?? 0} px for class '{className}'")));
        }

        var tolerance = _options.BoxTolerancePixels;
        if (limits.InsideImage != false && annotation.Image is { } image
            && (box.X < -tolerance || box.Y < -tolerance || box.X + box.Width > image.Width + tolerance || box.Y + box.Height > image.Height + tolerance))
        {
            violations.Add(At(annotation, TaxonomyRules.BoxOutsideImage, "geometry",
                Invariant($"box x {box.X}..{box.X + box.Width}, y {box.Y}..{box.Y + box.Height} extends beyond the {image.Width}x{image.Height} image by more than {tolerance} px")));
        }
    }

    private static (string Name, double Value, string Problem)? InvalidPart(params (string Name, double Value, bool IsSize)[] parts)
    {
        foreach (var (name, value, isSize) in parts)
        {
            if (!double.IsFinite(value))
            {
                return (name, value, "not finite");
            }

            if (isSize && value < 0)
            {
                return (name, value, "negative");
            }
        }

        return null;
    }

    private static Violation At(Annotation annotation, string rule, string field, string message, string? subject = null) =>
        new(rule, subject ?? annotation.Label, annotation.Item, annotation.Annotator, annotation.File, annotation.Line, annotation.Id, field, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
