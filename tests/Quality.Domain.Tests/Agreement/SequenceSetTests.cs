using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

/// <summary>
/// The flat set of sequences: numbers in insertion order, and a set cleared numbers from 0 again and finds nothing it held.
/// </summary>
public sealed class SequenceSetTests
{
    [Fact]
    public void Clear_SetFoundByLookups_NumbersFromZeroAndFindsNoneOfBefore()
    {
        var set = new SequenceSet<int>();
        for (var i = 0; i < 100; i++)
        {
            set.Add([i, i + 1]);
        }

        set.Clear();

        Assert.Equal(0, set.Count);
        Assert.Equal(0, set.Add([50, 51]));
        Assert.Equal(1, set.Add([7]));
        Assert.Equal(0, set.Add([50, 51]));
        Assert.Equal(2, set.Count);
        Assert.Equal([7], set[1].ToArray());
    }
}
