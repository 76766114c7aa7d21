using Postern.Ximss.Protocol.Values;

namespace Postern.Ximss.Protocol.Tests.Values;

public class FlagListTests
{
    [Fact]
    public void PositiveNamesAreSetAndNegationsCleared()
    {
        var list = Parse("Seen,Unflagged,NotJunk,Label2");

        Assert.Equal(MessageFlags.Seen | MessageFlags.Label2, list.Set);
        Assert.Equal(MessageFlags.Flagged | MessageFlags.Junk, list.Cleared);
    }

    [Theory]
    [InlineData("Seen", MessageFlags.Seen, false)]
    [InlineData("Read", MessageFlags.Seen, false)]
    [InlineData("Unread", MessageFlags.Seen, true)]
    [InlineData("Unseen", MessageFlags.Seen, true)]
    [InlineData("Answered", MessageFlags.Answered, false)]
    [InlineData("Unanswered", MessageFlags.Answered, true)]
    [InlineData("Flagged", MessageFlags.Flagged, false)]
    [InlineData("Draft", MessageFlags.Draft, false)]
    [InlineData("Undraft", MessageFlags.Draft, true)]
    [InlineData("Deleted", MessageFlags.Deleted, false)]
    [InlineData("Undeleted", MessageFlags.Deleted, true)]
    [InlineData("Redirected", MessageFlags.Redirected, false)]
    [InlineData("UnRedirected", MessageFlags.Redirected, true)]
    [InlineData("MDNSent", MessageFlags.MdnSent, false)]
    [InlineData("NoMDNSent", MessageFlags.MdnSent, true)]
    [InlineData("Hidden", MessageFlags.Hidden, false)]
    [InlineData("NotHidden", MessageFlags.Hidden, true)]
    [InlineData("Service", MessageFlags.Service, false)]
    [InlineData("NotService", MessageFlags.Service, true)]
    [InlineData("Media", MessageFlags.Media, false)]
    [InlineData("NotMedia", MessageFlags.Media, true)]
    [InlineData("Junk", MessageFlags.Junk, false)]
    [InlineData("NotJunk", MessageFlags.Junk, true)]
    [InlineData("Label1", MessageFlags.Label1, false)]
    [InlineData("NotLabel3", MessageFlags.Label3, true)]
    [InlineData("seen", MessageFlags.Seen, false)]
    [InlineData("UNSEEN", MessageFlags.Seen, true)]
    public void EveryNameOfTheCgpVocabularyIsRecognised(string name, MessageFlags flag, bool negated)
    {
        var list = Parse(name);

        Assert.Equal(negated ? MessageFlags.None : flag, list.Set);
        Assert.Equal(negated ? flag : MessageFlags.None, list.Cleared);
    }

    [Fact]
    public void OtherWordsAreCustomKeywordsAndADashClearsOne()
    {
        var list = Parse(" meetingCreated , $Work,-$Old ");

        Assert.Equal(["meetingCreated", "$Work"], list.SetKeywords.ToArray());
        Assert.Equal(["$Old"], list.ClearedKeywords.ToArray());
        Assert.Equal(MessageFlags.None, list.Set);
    }

    [Fact]
    public void EmptyItemsAreIgnored()
    {
        Assert.True(Parse(",, ,").IsEmpty);
    }

    [Theory]
    [InlineData("Seen,Unseen", "both set and cleared")]
    [InlineData("bad word", "not a flag or a valid keyword")]
    [InlineData("(paren)", "not a flag or a valid keyword")]
    [InlineData("\\Seen", "not a flag or a valid keyword")]
    [InlineData("ключ", "not a flag or a valid keyword")]
    [InlineData("-", "not a flag or a valid keyword")]
    public void BadListsAreRefusedWithTheReason(string text, string reason)
    {
        Assert.False(FlagList.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void KeywordLengthAndFlagCountAreCapped()
    {
        var limits = new XimssLimits { MaxKeywordLength = 5, MaxFlagsPerRequest = 2 };

        Assert.False(FlagList.TryParse("sixsix", out _, out _, limits));
        Assert.False(FlagList.TryParse("Seen,Flagged,Junk", out _, out var problem, limits));
        Assert.Contains("more than 2 flags", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatWritesFlagsInVocabularyOrderThenKeywords()
    {
        Assert.Equal("Seen,Flagged,Recent,$Work", MessageFlagNames.Format(MessageFlags.Recent | MessageFlags.Flagged | MessageFlags.Seen, ["$Work"]));
        Assert.Equal("", MessageFlagNames.Format(MessageFlags.None));
    }

    [Fact]
    public void ListsWithTheSameContentAreEqual()
    {
        Assert.Equal(Parse("Seen,$Work,-$Old"), Parse("seen , $Work , -$Old"));
        Assert.NotEqual(Parse("Seen,$Work"), Parse("Seen,$Home"));
    }

    private static FlagList Parse(string text)
    {
        Assert.True(FlagList.TryParse(text, out var list, out var problem), problem);
        return list;
    }
}
