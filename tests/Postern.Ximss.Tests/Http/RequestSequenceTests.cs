using Postern.Ximss.Http;

namespace Postern.Ximss.Tests.Http;

public class RequestSequenceTests
{
    private readonly RequestSequence _sequence = new();

    [Fact]
    public void TheFirstNumberIsAcceptedWhateverItIs()
    {
        Assert.Equal(SequenceVerdict.Next, _sequence.Check(41));
    }

    [Fact]
    public void TheSameNumberAgainIsAReplayOfTheRememberedReply()
    {
        _sequence.Record(1, [1, 2, 3]);

        Assert.Equal(SequenceVerdict.Replay, _sequence.Check(1));
        Assert.Equal([1, 2, 3], _sequence.LastReply);
    }

    [Theory]
    [InlineData(2, "Next")]
    [InlineData(3, "OutOfOrder")]
    [InlineData(0, "OutOfOrder")]
    public void OnlyTheNextNumberRuns(long number, string verdict)
    {
        _sequence.Record(1, []);

        Assert.Equal(verdict, _sequence.Check(number).ToString());
    }

    [Fact]
    public void PostsWithoutANumberAreNeverChecked()
    {
        _sequence.Record(5, []);

        Assert.Equal(SequenceVerdict.Unsequenced, _sequence.Check(null));
    }
}
