using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Tests.Values;

public class UidSelectionTests
{
    [Fact]
    public void SequenceSetKeepsOrderAndMakesStarTheLargestUid()
    {
        Assert.True(UidSelection.TryParseSequenceSet("9,1:5,12:*,4:2", out var selection));

        Assert.Equal(
            [new UidRange(9, 9), new UidRange(1, 5), new UidRange(12, uint.MaxValue), new UidRange(2, 4)],
            selection.Ranges.ToArray());
        Assert.True(selection.Contains(3));
        Assert.False(selection.Contains(7));
        Assert.True(selection.Contains(4_000_000_000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1:0")]
    [InlineData("1,,2")]
    [InlineData("a")]
    [InlineData("4294967296")]
    [InlineData("-1")]
    public void BadSequenceSetsAreRefused(string text)
    {
        Assert.False(UidSelection.TryParseSequenceSet(text, out _));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData(" 42 ", true)]
    [InlineData("4294967295", true)]
    [InlineData("0", false)]
    [InlineData("+1", false)]
    [InlineData("1e3", false)]
    public void UidsArePositive32BitNumbers(string text, bool valid)
    {
        Assert.Equal(valid, UidSelection.TryParseUid(text, out _));
    }
}
