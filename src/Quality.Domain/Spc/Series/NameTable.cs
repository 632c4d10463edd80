namespace Quality.Domain.Spc.Series;

/// <summary>The external names of an enum's values: case-insensitive parsing and printing, for <see cref="ChartKinds"/> and <see cref="RuleSets"/>.</summary>
internal sealed class NameTable<T>(string what, params (T Value, string Name)[] names)
    where T : struct, Enum
{
    public IReadOnlyList<string> All { get; } = [.. names.Select(n => n.Name)];

    public bool TryParse(string? name, out T value)
    {
        foreach (var (v, n) in names)
        {
            if (string.Equals(name?.Trim(), n, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public T Parse(string name) =>
        TryParse(name, out var value)
            ? value
            : throw new ArgumentException($"'{name}' is not a {what}; expected one of {string.Join(", ", All)}.", nameof(name));

    public string Name(T value)
    {
        foreach (var (v, n) in names)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return n;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {what}.");
    }
}
