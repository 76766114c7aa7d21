using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Values;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class FolderOpenRequestTests
{
    [Fact]
    public void MailboxDefaultsToTheFolderNameAndTheViewToArrivalOrder()
    {
        var request = Parse<FolderOpenRequest>("<folderOpen id=\"1\" folder=\"INBOX\"/>");

        Assert.Equal("INBOX", request.Mailbox);
        Assert.Empty(request.View.Fields);
        Assert.Null(request.View.SortField);
        Assert.Equal(SortOrder.Ascending, request.View.SortOrder);
        Assert.Null(request.View.Filter);
    }

    [Fact]
    public void FlagsFilterIsParsedIntoFlags()
    {
        var request = Parse<FolderOpenRequest>("<folderOpen id=\"1\" folder=\"Voice\" mailbox=\"INBOX\" filter=\"Media,Unseen\" filterField=\"FLAGS\"/>");

        var filter = Assert.IsType<FolderFilter>(request.View.Filter);
        Assert.Equal(MessageFlags.Media, filter.Flags?.Set);
        Assert.Equal(MessageFlags.Seen, filter.Flags?.Cleared);
    }

    [Fact]
    public void TextFilterKeepsItsFieldOrNone()
    {
        Assert.Equal(new FolderFilter("Subject", "invoice", null), Parse<FolderOpenRequest>("<folderOpen id=\"1\" folder=\"I\" filter=\"invoice\" filterField=\"Subject\"/>").View.Filter);
        Assert.Equal(new FolderFilter(null, "invoice", null), Parse<FolderOpenRequest>("<folderOpen id=\"1\" folder=\"I\" filter=\"invoice\"/>").View.Filter);
    }

    [Fact]
    public void MailboxClassAsksForCreation()
    {
        Assert.Equal("IPF.Contact", Parse<FolderOpenRequest>("<folderOpen id=\"1\" folder=\"C\" mailbox=\"Contacts\" mailboxClass=\"IPF.Contact\"/>").MailboxClass);
    }

    [Fact]
    public void ReopenTakesTheSameViewOptions()
    {
        var request = Parse<FolderReopenRequest>("<folderReopen id=\"2\" folder=\"INBOX-MM-1\" sortField=\"Subject\" sortOrder=\"DESC\"><field>Subject</field></folderReopen>");

        Assert.Equal("Subject", request.View.SortField);
        Assert.Equal(SortOrder.Descending, request.View.SortOrder);
        Assert.Equal(["Subject"], request.View.Fields.ToArray());
    }

    [Fact]
    public void MoreFieldsThanTheLimitAreRefused()
    {
        var fields = string.Concat(Enumerable.Range(0, 65).Select(i => $"<field>X-{i}</field>"));
        var result = XimssRequestParser.Parse(Support.Written.Parse($"<folderOpen id=\"1\" folder=\"I\">{fields}</folderOpen>"), authenticated: true);

        Assert.Equal(510, result.Error?.Number);
    }
}
