using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// Sorts the few values of one unit (its keys or points) ascending: by insertion up to 16, which for a unit's values,
/// usually in order already, is one pass, where the general sort's setup would cost more than the sort (and, compiled
/// natively, goes through a comparer per comparison); more than 16 take the general sort.
/// </summary>
internal static class SmallSort
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sort<T>(Span<T> values)
        where T : struct, IComparable<T>
    {
        if (values.Length > 16)
        {
            values.Sort();
            return;
        }

        for (var i = 1; i < values.Length; i++)
        {
            var value = values[i];
            var j = i - 1;
            for (; j >= 0 && values[j].CompareTo(value) > 0; j--)
            {
                values[j + 1] = values[j];
            }

            values[j + 1] = value;
        }
    }
}
