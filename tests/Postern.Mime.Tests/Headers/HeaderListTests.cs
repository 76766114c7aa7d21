using Postern.Mime.Headers;

namespace Postern.Mime.Tests.Headers;

public class HeaderListTests
{
    private static readonly byte[] s_block =
        "Received: from a\r\n\tby b\r\nReceived: from c\r\nFROM: \"Ivan\" <ivan@example.com>\r\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n folded\r\nDate: Tue, 1 Jul 2003 10:52:37 +0200\r\nReferences: <1@x> <2@x>\r\n\r\nbody"u8.ToArray();

    [Fact]
    public void FieldsAreFoundByNameInAnyCase()
    {
        var headers = HeaderList.Parse(s_block);

        Assert.Equal(6, headers.Count);
        Assert.True(headers.TryGet("from", out var from));
        Assert.Equal("FROM", from.Name);
        Assert.Equal("Ivan", from.GetAddresses().Mailboxes[0].Name);
    }

    [Fact]
    public void RepeatedFieldsAreAllAvailableInOrder()
    {
        var headers = HeaderList.Parse(s_block);

        // RFC 5322 §2.2.3: unfolding removes the CRLF only; the tab stays.
        Assert.Equal(["from a\tby b", "from c"], headers.GetAll("Received").Select(f => f.GetText()));
    }

    [Fact]
    public void ValuesAreUnfoldedAndDecoded()
    {
        var headers = HeaderList.Parse(s_block);

        Assert.Equal("Grüße folded", headers.GetText("Subject"));
        Assert.Equal(new DateTimeOffset(2003, 7, 1, 10, 52, 37, TimeSpan.FromHours(2)), headers.GetDate());
        Assert.Equal(["1@x", "2@x"], headers.GetMessageIds("References"));
        Assert.Null(headers.GetText("X-Missing"));
    }

    [Fact]
    public void RawValueKeepsFoldingAndRawBlockEndsBeforeTheEmptyLine()
    {
        var headers = HeaderList.Parse(s_block);

        Assert.True(headers.TryGet("Subject", out var subject));
        Assert.Equal("=?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\n folded", Messages.Utf8(subject.RawValue));
        Assert.EndsWith("<2@x>\r\n", Messages.Utf8(headers.RawBlock));
    }

    [Fact]
    public void BlockWithoutEmptyLineIsAccepted()
    {
        var headers = HeaderList.Parse("Subject: a\nTo: b@c"u8.ToArray());

        Assert.Equal("b@c", headers.GetText("To"));
        Assert.Empty(headers.Defects);
    }

    [Fact]
    public void WhitespaceBeforeTheColonIsAccepted()
    {
        var headers = HeaderList.Parse("Subject : obsolete form\n\n"u8.ToArray());

        Assert.Equal("obsolete form", headers.GetText("Subject"));
    }
}
