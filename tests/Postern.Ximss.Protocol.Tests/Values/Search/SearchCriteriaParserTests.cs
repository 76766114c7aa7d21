using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Values.Search;

namespace Postern.Ximss.Protocol.Tests.Values.Search;

public class SearchCriteriaParserTests
{
    [Fact]
    public void AllIsTheJavaClientsFilter()
    {
        Assert.IsType<SearchKey.All>(Parse("ALL"));
    }

    [Fact]
    public void KeysInARowMustAllMatch()
    {
        var key = Assert.IsType<SearchKey.And>(Parse("UNSEEN FROM \"Ivan Petrov\" SINCE 1-Feb-2024"));

        Assert.Equal(new SearchKey.HasFlag(MessageFlags.Seen, false), key.Operands[0]);
        Assert.Equal(new SearchKey.HeaderContains("From", "Ivan Petrov"), key.Operands[1]);
        Assert.Equal(new SearchKey.DateCompare(SearchDateField.Internal, SearchDateComparison.Since, new DateOnly(2024, 2, 1)), key.Operands[2]);
    }

    [Fact]
    public void AndKeysWithTheSameOperandsAreEqual()
    {
        Assert.Equal(Parse("SEEN FLAGGED"), Parse("(SEEN FLAGGED)"));
        Assert.NotEqual(Parse("SEEN FLAGGED"), Parse("FLAGGED SEEN"));
    }

    [Fact]
    public void OrNotAndParenthesesNest()
    {
        var key = Assert.IsType<SearchKey.Or>(Parse("OR subject report (LARGER 100000 NOT flagged)"));

        Assert.Equal(new SearchKey.HeaderContains("Subject", "report"), key.Left);
        var right = Assert.IsType<SearchKey.And>(key.Right);
        Assert.Equal(new SearchKey.Larger(100000), right.Operands[0]);
        Assert.Equal(new SearchKey.Not(new SearchKey.HasFlag(MessageFlags.Flagged, true)), right.Operands[1]);
    }

    [Theory]
    [InlineData("BODY \"a \\\"quoted\\\" \\\\ word\"", "a \"quoted\" \\ word")]
    [InlineData("BODY plain", "plain")]
    [InlineData("BODY \"\"", "")]
    public void StringsAreAtomsOrQuotedWithEscapes(string filter, string expected)
    {
        Assert.Equal(new SearchKey.BodyContains(expected), Parse(filter));
    }

    [Fact]
    public void KeywordsThatNameCgpFlagsBecomeFlagTests()
    {
        Assert.Equal(new SearchKey.HasFlag(MessageFlags.Junk, true), Parse("KEYWORD Junk"));
        Assert.Equal(new SearchKey.HasFlag(MessageFlags.Media, false), Parse("UNKEYWORD Media"));
        Assert.Equal(new SearchKey.HasKeyword("$Work", true), Parse("KEYWORD $Work"));
    }

    [Fact]
    public void OtherKeysParse()
    {
        Assert.Equal(new SearchKey.HeaderContains("X-Color", "red"), Parse("HEADER X-Color red"));
        Assert.Equal(new SearchKey.TextContains("budget"), Parse("TEXT budget"));
        Assert.Equal(new SearchKey.Smaller(2048), Parse("SMALLER 2048"));
        Assert.Equal(new SearchKey.DateCompare(SearchDateField.Sent, SearchDateComparison.Before, new DateOnly(2024, 3, 31)), Parse("SENTBEFORE 20240331"));
        Assert.Equal(new SearchKey.DateCompare(SearchDateField.Internal, SearchDateComparison.On, new DateOnly(2024, 3, 5)), Parse("on 05-Mar-2024"));
        var uid = Assert.IsType<SearchKey.UidIn>(Parse("UID 1:5,9"));
        Assert.Equal([new UidRange(1, 5), new UidRange(9, 9)], uid.Uids.Ranges.ToArray());
        var isNew = Assert.IsType<SearchKey.And>(Parse("NEW"));
        Assert.Equal([new SearchKey.HasFlag(MessageFlags.Recent, true), new SearchKey.HasFlag(MessageFlags.Seen, false)], isNew.Operands.ToArray());
    }

    [Theory]
    [InlineData("", "no search key")]
    [InlineData("FOO", "unknown search key 'FOO'")]
    [InlineData("1:5", "message sequence numbers are not supported")]
    [InlineData("FROM", "From needs a string")]
    [InlineData("SINCE yesterday", "'yesterday' is not a date")]
    [InlineData("LARGER big", "'big' is not a size")]
    [InlineData("UID 0", "'0' is not a UID set")]
    [InlineData("(SEEN", "missing ')'")]
    [InlineData("SEEN)", "unexpected ')'")]
    [InlineData("()", "empty parentheses")]
    [InlineData("BODY \"open", "unterminated quoted string")]
    [InlineData("BODY \"bad \\n\"", "bad escape")]
    [InlineData("BODY {5}", "literals are not supported")]
    [InlineData("OR SEEN", "a search key is expected")]
    public void BadFiltersAreRefusedWithTheReason(string filter, string reason)
    {
        Assert.False(SearchCriteriaParser.TryParse(filter, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRefused()
    {
        var limits = new XimssLimits { MaxSearchDepth = 8 };

        Assert.True(SearchCriteriaParser.TryParse(string.Concat(Enumerable.Repeat("NOT ", 7)) + "SEEN", out _, out _, limits));
        Assert.False(SearchCriteriaParser.TryParse(string.Concat(Enumerable.Repeat("NOT ", 8)) + "SEEN", out _, out var problem, limits));
        Assert.Contains("nested deeper than 8", problem, StringComparison.Ordinal);
    }

    private static SearchKey Parse(string filter)
    {
        Assert.True(SearchCriteriaParser.TryParse(filter, out var key, out var problem), problem);
        return key;
    }
}
