using System.Text;
using Postern.Accounts;
using Postern.Mail;
using Postern.Mail.Delivery;
using Postern.Mail.Mailboxes;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Ximss.Engine;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Tests.Support;

internal sealed partial class XimssHarness
{
    /// <summary>A fixed date for test messages: sorting by Date and arrival is then predictable.</summary>
    public static readonly DateTimeOffset BaseDate = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Creates another account of example.com with its default mailboxes (password <see cref="Password"/>).</summary>
    public Task<AccountRecord> CreateAccountAsync(string name, string realName = "") =>
        Get<AccountProvisioning>().CreateAccountAsync(AccountName.Parse(name), Password, realName, CancellationToken.None);

    /// <summary>A logged-in TCP session of <paramref name="user"/> whose asynchronous messages are recorded.</summary>
    public async Task<(XimssChannel Channel, RecordingSink Sink, XimssSession Session)> SessionAsync(string user = "alice@example.com")
    {
        var (channel, sink) = TcpChannel();
        var session = await LoginAsync(channel, user);
        return (channel, sink, session);
    }

    /// <summary>Delivers a message to a local address as mail from outside would arrive (Recent, in INBOX).</summary>
    public async Task<uint> DeliverAsync(string to, byte[] message) =>
        (await Get<LocalDelivery>().DeliverAsync(to, message, new DeliveryEnvelope("sender@example.org", "test", "SMTP"), CancellationToken.None)).Uid;

    /// <summary>Stores messages in an account's mailbox directly, with flags and arrival times, and returns their UIDs.</summary>
    public async Task<uint[]> AppendAsync(string account, string mailbox, MessageFlags flags, params byte[][] messages)
    {
        var record = await Get<AccountService>().GetAsync(AccountName.Parse(account), CancellationToken.None);
        var box = await Get<MailboxService>().GetAsync(record, mailbox, CancellationToken.None);
        var uids = new List<uint>();
        for (var i = 0; i < messages.Length; i++)
            uids.Add((await Get<MessageAppender>().AppendAsync(box, messages[i], flags, [], BaseDate.AddMinutes(i), CancellationToken.None)).Uid);
        return uids.ToArray();
    }

    /// <summary>The stored messages of a mailbox, by UID.</summary>
    public async Task<IReadOnlyList<MessageRecord>> MessagesAsync(string account, string mailbox)
    {
        var record = await Get<AccountService>().GetAsync(AccountName.Parse(account), CancellationToken.None);
        var box = await Get<MailboxService>().GetAsync(record, mailbox, CancellationToken.None);
        var listing = await Store.Messages.ListAsync(box.Id, MessageSortField.Uid, false, MessageFlagFilter.All, CancellationToken.None);
        return await Store.Messages.GetAsync(box.Id, listing.Entries.Select(e => e.Uid).ToArray(), CancellationToken.None);
    }

    /// <summary>The stored bytes of a message.</summary>
    public async Task<byte[]> ContentAsync(string account, string mailbox, uint uid)
    {
        var record = await Get<AccountService>().GetAsync(AccountName.Parse(account), CancellationToken.None);
        var box = await Get<MailboxService>().GetAsync(record, mailbox, CancellationToken.None);
        await using var content = (await Store.Messages.OpenContentAsync(box.Id, uid, CancellationToken.None))!;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A small RFC 5322 message.</summary>
    public static byte[] Message(string subject, string from = "Bob <bob@example.org>", string to = "Alice <alice@example.com>",
        string body = "Hello there.", DateTimeOffset? date = null, params string[] extraHeaders)
    {
        var text = new StringBuilder()
            .Append("From: ").Append(from).Append("\r\n")
            .Append("To: ").Append(to).Append("\r\n")
            .Append("Subject: ").Append(subject).Append("\r\n")
            .Append("Date: ").Append(Postern.Mime.Headers.MailDate.Format(date ?? BaseDate)).Append("\r\n")
            .Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@example.org>\r\n");
        foreach (var header in extraHeaders)
            text.Append(header).Append("\r\n");
        text.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").Append(body).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
