using System.Text;
using Postern.Data;
using Postern.Mail.Access;
using Postern.Mail.Mailboxes;
using Postern.Mail.Submission;
using Postern.Mime;
using Postern.Mime.Addresses;
using Postern.Mime.Writing;
using Postern.Storage;

namespace Postern.Mail.Tests.Submission;

public class MessageSubmissionTests : MailContext
{
    private async Task<string> ReadAsync(MailUser user, string mailbox, uint uid)
    {
        var box = await MailboxAsync(user, mailbox);
        await using var content = await Store.Messages.OpenContentAsync(box.Id, uid, Ct);
        return TestMail.Text(await TestMail.ReadAllAsync(content!));
    }

    private static ComposedMessage Compose(string subject, string[] to, string[]? cc = null, string[]? bcc = null)
    {
        var message = new ComposedMessage { Subject = subject, Body = new ComposedText("See you there.") };
        message.To.AddRange(to.Select(a => new MailboxAddress(null, a)));
        message.Cc.AddRange((cc ?? []).Select(a => new MailboxAddress(null, a)));
        message.Bcc.AddRange((bcc ?? []).Select(a => new MailboxAddress(null, a)));
        return message;
    }

    [Fact]
    public async Task SubmissionDeliversLocallyQueuesRemoteAndFilesASentCopy()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var carol = await CreateUserAsync("carol@example.com");
        await Accounts.AddAliasAsync(bob.Account, "robert", Ct);

        var result = await Submission.SubmitAsync(alice,
            Compose("Party", to: ["bob@example.com", "friend@remote.example"], cc: ["robert@example.com"], bcc: ["carol@example.com"]),
            new SubmissionOptions(RequestDsn: true), Ct);

        Assert.Equal(["bob@example.com", "carol@example.com"], result.Delivered);
        Assert.Equal(["friend@remote.example"], result.Queued);
        var toBob = await ReadAsync(bob, "INBOX", 1);
        Assert.Contains("Subject: Party", toBob, StringComparison.Ordinal);
        Assert.Contains("From: Alice <alice@example.com>", toBob, StringComparison.Ordinal);
        Assert.StartsWith("from alice@example.com by example.com with HTTP for <bob@example.com>; ",
            MimeMessage.Parse(Encoding.UTF8.GetBytes(toBob)).Headers.GetText("Received"), StringComparison.Ordinal);
        Assert.DoesNotContain("carol@example.com", toBob, StringComparison.Ordinal);
        Assert.Equal(1, (await MailboxAsync(bob)).Record.MessageCount);
        Assert.DoesNotContain("Bcc:", await ReadAsync(carol, "INBOX", 1), StringComparison.Ordinal);

        var queued = await Store.Outbound.GetAsync(result.QueueId!.Value, Ct);
        Assert.Equal(("alice@example.com", MessageSubmission.HeldStatus, true), (queued!.Sender, queued.Status, queued.RequestDsn));
        Assert.Equal(["friend@remote.example"], queued.Recipients);
        await using (var queuedBytes = await Store.Outbound.OpenContentAsync(queued.Id, Ct))
            Assert.DoesNotContain("Bcc:", TestMail.Text(await TestMail.ReadAllAsync(queuedBytes!)), StringComparison.Ordinal);

        var (sentBox, sentCopy) = result.SentCopy!.Value;
        Assert.Equal("Sent", sentBox);
        var sent = await ReadAsync(alice, "Sent", sentCopy.Uid);
        Assert.Contains("Bcc: carol@example.com", sent, StringComparison.Ordinal);
        Assert.Equal(result.MessageId, MimeMessage.Parse(Encoding.UTF8.GetBytes(sent)).MessageId);
        Assert.Equal(MessageFlags.Seen, (await Store.Messages.GetAsync((await MailboxAsync(alice, "Sent")).Id, [sentCopy.Uid], Ct))[0].Flags);
    }

    [Fact]
    public async Task RawSubmissionsGetTheMissingFieldsAndKeepTheirBody()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var raw = "To: bob@example.com\r\nSubject: bare\r\n\r\nJust the body.\r\n"u8.ToArray();

        var result = await Submission.SubmitAsync(alice, raw, SubmissionOptions.Default, Ct);

        var parsed = MimeMessage.Parse(Encoding.UTF8.GetBytes(await ReadAsync(bob, "INBOX", 1)));
        Assert.Equal(result.MessageId, parsed.MessageId);
        Assert.EndsWith("@example.com", result.MessageId, StringComparison.Ordinal);
        Assert.NotNull(parsed.Date);
        Assert.Equal("alice@example.com", parsed.From.Mailboxes.Single().Address);
        Assert.Equal("1.0", parsed.Headers.GetText("MIME-Version"));
        Assert.Equal("Just the body.\r\n", parsed.Body.GetText());
    }

    [Fact]
    public async Task FromMustBeOneOfTheUsersAddresses()
    {
        var alice = await CreateUserAsync();
        await CreateUserAsync("bob@example.com");
        await Accounts.AddAliasAsync(alice.Account, "ally", Ct);
        var asAlias = Compose("ok", to: ["bob@example.com"]);
        asAlias.From.Add(new MailboxAddress("Ally", "Ally@Example.com"));
        var asBob = Compose("forged", to: ["bob@example.com"]);
        asBob.From.Add(new MailboxAddress(null, "bob@example.com"));

        await Submission.SubmitAsync(alice, asAlias, SubmissionOptions.Default, Ct);
        var error = await Assert.ThrowsAsync<MailException>(() => Submission.SubmitAsync(alice, asBob, SubmissionOptions.Default, Ct));

        Assert.Equal(MailErrorCode.InvalidAddress, error.Code);
    }

    [Fact]
    public async Task NothingIsSentWhenARecipientIsUnknownOrMissing()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");

        var unknown = await Assert.ThrowsAsync<MailException>(() =>
            Submission.SubmitAsync(alice, Compose("x", to: ["bob@example.com", "nobody@example.com"]), SubmissionOptions.Default, Ct));
        var none = await Assert.ThrowsAsync<MailException>(() => Submission.SubmitAsync(alice, Compose("x", to: []), SubmissionOptions.Default, Ct));
        var tooMany = await Assert.ThrowsAsync<MailException>(() => Submission.SubmitAsync(alice, Compose("x", to: ["bob@example.com"]),
            new SubmissionOptions(Recipients: Enumerable.Range(0, SubmissionLimits.MaxRecipients + 1).Select(i => $"r{i}@remote.example").ToArray()), Ct));

        Assert.Equal(MailErrorCode.UnknownRecipient, unknown.Code);
        Assert.Equal("unknown recipient: nobody@example.com", unknown.Message);
        Assert.Equal(MailErrorCode.NoRecipients, none.Code);
        Assert.Equal(MailErrorCode.MessageTooLarge, tooMany.Code);
        Assert.Equal(0, (await MailboxAsync(bob)).Record.MessageCount);
        Assert.Equal(0, (await MailboxAsync(alice, "Sent")).Record.MessageCount);
        Assert.Empty(await Store.Outbound.ListAsync(Ct));
    }

    [Fact]
    public async Task TheSentCopyFollowsTheOptionAndTheSentBoxPreference()
    {
        var alice = await CreateUserAsync();
        await CreateUserAsync("bob@example.com");

        var unsaved = await Submission.SubmitAsync(alice, Compose("a", to: ["bob@example.com"]), new SubmissionOptions(SaveSent: false), Ct);
        await Preferences.UpdateAsync(alice.Account, new DataDictionary { ["SentBox"] = new DataString("Outbox/Sent") }, Ct);
        var elsewhere = await Submission.SubmitAsync(alice, Compose("b", to: ["bob@example.com"]), SubmissionOptions.Default, Ct);
        await Preferences.UpdateAsync(alice.Account, new DataDictionary { ["SentBox"] = new DataString("") }, Ct);
        var off = await Submission.SubmitAsync(alice, Compose("c", to: ["bob@example.com"]), SubmissionOptions.Default, Ct);
        var forced = await Submission.SubmitAsync(alice, Compose("d", to: ["bob@example.com"]), new SubmissionOptions(SaveSent: true), Ct);

        Assert.Null(unsaved.SentCopy);
        Assert.Equal("Outbox/Sent", elsewhere.SentCopy!.Value.Mailbox);
        Assert.Null(off.SentCopy);
        Assert.Equal("Sent", forced.SentCopy!.Value.Mailbox);
    }

    [Fact]
    public async Task RedirectResendsUnchangedWithResentFieldsAndFlagsTheOriginal()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var original = TestMail.Message("Original", from: "Dan <dan@remote.example>");
        await AppendAsync(alice, "INBOX", original);
        var inbox = await MailboxAsync(alice);

        var results = await Submission.RedirectAsync(alice, inbox, [1], ["bob@example.com", "x@remote.example"], Ct);

        var redirected = await ReadAsync(bob, "INBOX", 1);
        Assert.Contains("Resent-From: Alice <alice@example.com>\r\n", redirected, StringComparison.Ordinal);
        Assert.Contains("Resent-To: bob@example.com, x@remote.example\r\n", redirected, StringComparison.Ordinal);
        Assert.Contains($"Resent-Message-ID: <{results[0].MessageId}>", redirected, StringComparison.Ordinal);
        Assert.EndsWith(TestMail.Text(original), redirected, StringComparison.Ordinal);
        Assert.Equal(["x@remote.example"], results[0].Queued);
        Assert.Null(results[0].SentCopy);
        Assert.Equal(MessageFlags.Redirected, (await Store.Messages.GetAsync(inbox.Id, [1], Ct))[0].Flags);
    }

    [Fact]
    public async Task ForwardAttachesEachMessageToANewOneFromTheUser()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        var original = TestMail.Message("Minutes", from: "Dan <dan@remote.example>");
        await AppendAsync(alice, "INBOX", original);
        var inbox = await MailboxAsync(alice);

        var results = await Submission.ForwardAsync(alice, inbox, [1], ["bob@example.com"], Ct);

        var forwarded = MimeMessage.Parse(Encoding.UTF8.GetBytes(await ReadAsync(bob, "INBOX", 1)));
        Assert.Equal("Fwd: Minutes", forwarded.Subject);
        Assert.Equal("alice@example.com", forwarded.From.Mailboxes.Single().Address);
        var attached = forwarded.EnumerateParts().Single(p => p.ContentType.Is("message", "rfc822"));
        Assert.Equal(original, attached.RawBody.ToArray());
        Assert.NotNull(Assert.Single(results).SentCopy);
        Assert.Equal(MessageFlags.Redirected, (await Store.Messages.GetAsync(inbox.Id, [1], Ct))[0].Flags);
        await Assert.ThrowsAsync<MailException>(() => Submission.ForwardAsync(alice, inbox, [1], [], Ct));
    }

    [Fact]
    public async Task RedirectOfAnotherAccountsMessageNeedsTheReadRight()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync("bob@example.com");
        await AppendAsync(alice, "INBOX", TestMail.Message("private"));
        await Mailboxes.SetRightsAsync((await MailboxAsync(alice)).Record, "bob@example.com", MailboxRights.Lookup, Ct);
        var shared = await Access.GetAsync(bob, "~alice/INBOX", Ct);

        await Assert.ThrowsAsync<MailAccessDeniedException>(() => Submission.RedirectAsync(bob, shared, [1], ["bob@example.com"], Ct));
    }
}
