namespace Quality.Functions.Access;

/// <summary>
/// A named value of a route's contract: a path or query parameter, or a member a problem adds to RFC 9457's. Its type is
/// the one the function parses it as.
/// </summary>
internal sealed record ApiField(string Name, Type Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>Whether the value may be null (a problem member that is not always known).</summary>
    public bool Nullable { get; init; }

    /// <summary>The only values the function accepts (anything else is a 400), or that a problem member takes.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The regular expression the function checks the value against.</summary>
    public string? Pattern { get; init; }
}
