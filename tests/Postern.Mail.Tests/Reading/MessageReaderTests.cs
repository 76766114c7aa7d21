using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Reading;
using Postern.Mime.Writing;
using Postern.Storage;
using Postern.Testing;

namespace Postern.Mail.Tests.Reading;

public class MessageReaderTests : MailContext
{
    private async Task<(MailUser User, AccessibleMailbox Inbox)> OffsiteAsync()
    {
        var alice = await CreateUserAsync();
        await AppendAsync(alice, "INBOX", TestData.Bytes("messages", "offsite.eml"));
        return (alice, await MailboxAsync(alice));
    }

    [Fact]
    public async Task OpeningParsesTheStoredBytesAndMarksSeenWhenAsked()
    {
        var (alice, inbox) = await OffsiteAsync();

        var peek = await Reader.OpenAsync(alice, inbox, 1, markSeen: false, Ct);
        var read = await Reader.OpenAsync(alice, inbox, 1, markSeen: true, Ct);

        Assert.Equal("Café menu for the offsite", peek.Message.Subject);
        Assert.Equal(TestData.Bytes("messages", "offsite.eml"), peek.Message.RawMessage.ToArray());
        Assert.Equal(MessageFlags.None, peek.Record.Flags);
        Assert.Equal(MessageFlags.Seen, read.Record.Flags);
        Assert.Equal(MessageFlags.Seen, (await Store.Messages.GetAsync(inbox.Id, [1], Ct))[0].Flags);
        var missing = await Assert.ThrowsAsync<MailException>(() => Reader.OpenAsync(alice, inbox, 7, false, Ct));
        Assert.Equal(MailErrorCode.MessageNotFound, missing.Code);
    }

    [Fact]
    public async Task ReadingAnotherAccountsMailboxNeedsReadAndMarksSeenOnlyWithTheSeenRight()
    {
        var (alice, inbox) = await OffsiteAsync();
        var bob = await CreateUserAsync("bob@example.com");
        await Mailboxes.SetRightsAsync(inbox.Record, "bob@example.com", MailboxRights.Lookup, Ct);
        var shared = await Access.GetAsync(bob, "~alice/INBOX", Ct);
        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Reader.OpenAsync(bob, shared, 1, true, Ct));

        await Mailboxes.SetRightsAsync(inbox.Record, "bob@example.com", MailboxRightsText.Parse("lr"), Ct);
        var read = await Reader.OpenAsync(bob, shared, 1, markSeen: true, Ct);

        Assert.Equal(MessageFlags.None, read.Record.Flags);
    }

    [Fact]
    public async Task PartsAreFoundByPartIdAndDownloadDecoded()
    {
        var (alice, inbox) = await OffsiteAsync();
        var message = await Reader.OpenAsync(alice, inbox, 1, false, Ct);

        var pdf = message.GetDownload("02");
        using var decoded = new MemoryStream();
        await pdf.WriteToAsync(decoded, Ct);
        var plain = message.GetDownload(" 01-01 ");
        var forwarded = message.GetDownload("03");

        Assert.Equal(("application/pdf", "Offsite Agenda.pdf"), (pdf.MediaType, pdf.FileName));
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(decoded.ToArray()), StringComparison.Ordinal);
        Assert.InRange(pdf.EstimatedSize, decoded.Length - 2, decoded.Length + 2);
        Assert.Equal(("text/plain", "part-01-01.txt"), (plain.MediaType, plain.FileName));
        Assert.Equal("part-03.eml", forwarded.FileName);
        var error = Assert.Throws<MailException>(() => message.GetPart("09"));
        Assert.Equal(MailErrorCode.PartNotFound, error.Code);
    }

    [Fact]
    public async Task SourceStreamsTheStoredBytes()
    {
        var (alice, inbox) = await OffsiteAsync();

        await using var source = await Reader.OpenSourceAsync(alice, inbox, 1, Ct);

        Assert.Equal(TestData.Bytes("messages", "offsite.eml"), await TestMail.ReadAllAsync(source));
    }

    [Fact]
    public async Task DraftsAnswerFromTheUserAndLeaveTheUsersOwnAddressesOut()
    {
        var (alice, inbox) = await OffsiteAsync();
        await Accounts.AddAliasAsync(alice.Account, "dan", Ct);
        var original = await Reader.OpenAsync(alice, inbox, 1, false, Ct);

        var reply = await Reader.CreateDraftAsync(alice, original, DraftKind.Reply, Ct);
        var replyAll = await Reader.CreateDraftAsync(alice, original, DraftKind.ReplyAll, Ct);
        var forward = await Reader.CreateDraftAsync(alice, original, DraftKind.ForwardAsAttachment, Ct);

        Assert.Equal("alice@example.com", Assert.Single(reply.From).Address);
        Assert.Equal("Alice", reply.From[0].Name);
        Assert.Equal("Re: Café menu for the offsite", reply.Subject);
        Assert.Equal(["carol@example.net"], reply.To.Select(Address));
        // Alice and her alias dan@example.com are left out; dan@example.org is someone else.
        Assert.Equal(["carol@example.net", "dan@example.org"], replyAll.To.Select(Address));
        Assert.Equal(["eve@example.com"], replyAll.Cc.Select(Address));
        Assert.Equal(["menu-1@example.net"], reply.InReplyTo);
        Assert.Equal("Fwd: Café menu for the offsite", forward.Subject);
        Assert.Empty(forward.To);
        var attached = Assert.IsType<ComposedMultipart>(forward.Body).Parts.OfType<ComposedMessagePart>().Single();
        Assert.Equal(TestData.Bytes("messages", "offsite.eml"), attached.RawMessage.ToArray());
    }

    private static string Address(Mime.Addresses.AddressEntry entry) => ((Mime.Addresses.MailboxAddress)entry).Address;
}
