using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Values;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class MessageRequestTests
{
    [Fact]
    public void MessageMarkCarriesFlagChangesAndUids()
    {
        var request = Parse<MessageMarkRequest>("<messageMark id=\"1\" folder=\"INBOX\" flags=\"Read,NotJunk,meetingCreated\"><UID>5</UID><UID>9</UID></messageMark>");

        Assert.Equal(MessageFlags.Seen, request.Flags.Set);
        Assert.Equal(MessageFlags.Junk, request.Flags.Cleared);
        Assert.Equal(["meetingCreated"], request.Flags.SetKeywords.ToArray());
        Assert.True(request.Uids.Contains(9));
        Assert.False(request.Uids.Contains(6));
    }

    [Fact]
    public void MessageRemoveDefaultsToThePreferenceAndKnowsImmediately()
    {
        Assert.Equal(MessageRemoveMode.Default, Parse<MessageRemoveRequest>("<messageRemove id=\"1\" folder=\"I\"><UID>1</UID></messageRemove>").Mode);
        Assert.Equal(MessageRemoveMode.Immediately, Parse<MessageRemoveRequest>("<messageRemove id=\"1\" folder=\"I\" mode=\"immediately\"><UID>1</UID></messageRemove>").Mode);
    }

    [Fact]
    public void MessageCopyNamesItsTargetEitherWay()
    {
        var copy = Parse<MessageCopyRequest>("<messageCopy id=\"1\" folder=\"INBOX\" targetMailbox=\"Archive\" mailboxClass=\"IPF.Note\"><UID>5</UID></messageCopy>");
        var flashStyle = Parse<MessageCopyRequest>("<messageCopy id=\"1\" folder=\"INBOX\" mailbox=\"Archive\" doMove=\"yes\"><UID>5</UID></messageCopy>");

        Assert.Equal("Archive", copy.Transfer.TargetMailbox);
        Assert.Equal("IPF.Note", copy.Transfer.MailboxClass);
        Assert.False(copy.DoMove);
        Assert.Equal("Archive", flashStyle.Transfer.TargetMailbox);
        Assert.True(flashStyle.DoMove);
    }

    [Fact]
    public void MessageMoveTakesARangeOfUids()
    {
        var request = Parse<MessageMoveRequest>("<messageMove id=\"1\" folder=\"INBOX\" targetMailbox=\"Trash\"><UID from=\"1\" till=\"9\"/></messageMove>");

        Assert.Equal([new UidRange(1, 9)], request.Transfer.Uids.Ranges.ToArray());
    }

    [Fact]
    public void MessageAppendTakesEMailXml()
    {
        var request = Parse<MessageAppendRequest>(
            "<messageAppend id=\"1\" targetMailbox=\"Drafts\" flags=\"Draft,Seen\" internalDate=\"20240301T101500Z\" report=\"uid\"><EMail><Subject>x</Subject></EMail></messageAppend>");

        Assert.Equal("Drafts", request.TargetMailbox);
        Assert.Equal(MessageFlags.Draft | MessageFlags.Seen, request.Flags.Set);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 15, 0, DateTimeKind.Utc), request.InternalDate);
        Assert.Equal("Subject", request.Email?.Children[0].Name);
        Assert.Null(request.RawMessage);
        Assert.True(request.ReportUid);
    }

    [Fact]
    public void MessageAppendTakesRawTextOrAnUpload()
    {
        var raw = Parse<MessageAppendRequest>("<messageAppend id=\"1\" targetMailbox=\"Drafts\">Subject: hi\n\nbody\n</messageAppend>");
        var upload = Parse<MessageAppendRequest>("<messageAppend id=\"1\" mailbox=\"Drafts\" uploadID=\"17\"/>");

        Assert.Equal("Subject: hi\n\nbody\n", raw.RawMessage);
        Assert.Null(raw.Email);
        Assert.Equal("17", upload.UploadId);
        Assert.False(upload.ReportUid);
    }

    [Fact]
    public void MessageSubmitCarriesTheEMailElement()
    {
        var request = Parse<MessageSubmitRequest>("<messageSubmit id=\"1\"><EMail><To>a@example.com</To><Subject>Hi</Subject></EMail></messageSubmit>");

        Assert.Equal("EMail", request.Email.Name);
        Assert.Equal(["To", "Subject"], request.Email.Children.Select(c => c.Name));
    }

    [Fact]
    public void RedirectAndForwardListRecipients()
    {
        var redirect = Parse<MessageRedirectRequest>("<messageRedirect id=\"1\" folder=\"INBOX\"><UID>5</UID><To>a@example.com</To><To> B &lt;b@example.com&gt; </To></messageRedirect>");
        var forward = Parse<MessageForwardRequest>("<messageForward id=\"1\" folder=\"INBOX\"><UID>5</UID><To>a@example.com</To></messageForward>");

        Assert.Equal(["a@example.com", "B <b@example.com>"], redirect.Resend.Recipients.ToArray());
        Assert.Equal("INBOX", forward.Resend.Folder);
        Assert.True(forward.Resend.Uids.Contains(5));
    }
}
