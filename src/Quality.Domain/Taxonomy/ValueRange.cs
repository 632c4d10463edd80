using System.Globalization;

namespace Quality.Domain.Taxonomy;

/// <summary>A closed interval [<see cref="Min"/>, <see cref="Max"/>] of finite numbers.</summary>
public readonly record struct ValueRange(double Min, double Max)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>Every value this range holds is also in <paramref name="other"/>.</summary>
    public bool IsWithin(ValueRange other) => Min >= other.Min && Max <= other.Max;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Min}, {Max}]");
}
