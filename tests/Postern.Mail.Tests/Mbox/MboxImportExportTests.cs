using System.Text;
using Postern.Mail.Mbox;
using Postern.Mail.Messages;
using Postern.Storage;
using Postern.Testing;

namespace Postern.Mail.Tests.Mbox;

public class MboxImportExportTests : MailContext
{
    private MboxImporter Importer(int batchMessages = 1000) => new(Store, TimeProvider.System) { BatchMessages = batchMessages };

    private async Task<MailboxRecord> MailboxAsync(string name)
    {
        var account = await Accounts.FindAsync(Postern.Accounts.AccountName.Parse("alice@example.com"), Ct) ?? await CreateAccountAsync();
        return await Mailboxes.FindAsync(account, name, Ct) ?? await Mailboxes.CreateAsync(account, name, "", Ct);
    }

    [Theory]
    [InlineData("content-length", 29)]
    [InlineData("issue1189", 4)]
    [InlineData("simple", 3)]
    [InlineData("unmunged", 4)]
    public async Task ExportThenImportGivesBackEveryMessageByteForByte(string file, int count)
    {
        var source = await MailboxAsync("Source");
        var copy = await MailboxAsync("Copy");
        await using (var mbox = File.OpenRead(TestData.Path("mbox", file + ".mbox.txt")))
            Assert.Equal(count, (await Importer(batchMessages: 2).ImportAsync(mbox, source, null, Ct)).Messages);

        using var exported = new MemoryStream();
        var export = await new MboxExporter(Store).ExportAsync(source, exported, null, Ct);
        exported.Position = 0;
        var reimport = await Importer().ImportAsync(exported, copy, null, Ct);

        Assert.Equal(count, export.Messages);
        Assert.Equal(count, reimport.Messages);
        Assert.Equal(export.Bytes, reimport.Bytes);
        for (uint uid = 1; uid <= count; uid++)
            Assert.Equal(await ContentAsync(source, uid), await ContentAsync(copy, uid));
        // The separator line keeps arrival times to the second.
        var original = await Store.Messages.GetAsync(source.Id, [1, 2], Ct);
        var copied = await Store.Messages.GetAsync(copy.Id, [1, 2], Ct);
        Assert.Equal(original.Select(m => m.InternalDate.ToUnixTimeSeconds()), copied.Select(m => m.InternalDate.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task FromLinesAreQuotedOnExportAndUnquotedOnImportMboxrdStyle()
    {
        var source = await MailboxAsync("Source");
        var copy = await MailboxAsync("Copy");
        var body = "Subject: quoting\r\n\r\nFrom the start\r\n>From a quote\r\n>>From deeper\r\n> From not a From line\r\nFrom";
        await new MessageAppender(Store, TimeProvider.System).AppendAsync(source, Encoding.ASCII.GetBytes(body), MessageFlags.None, [], null, Ct);

        using var exported = new MemoryStream();
        await new MboxExporter(Store).ExportAsync(source, exported, null, Ct);
        var mbox = Encoding.ASCII.GetString(exported.ToArray());
        exported.Position = 0;
        await Importer().ImportAsync(exported, copy, null, Ct);

        // mboxrd: every From line after any number of '>' gains one; the importer takes exactly one away.
        Assert.EndsWith("\n>From the start\r\n>>From a quote\r\n>>>From deeper\r\n> From not a From line\r\nFrom\n", mbox);
        Assert.Equal(body, Encoding.ASCII.GetString(await ContentAsync(copy, 1)));
    }

    [Fact]
    public async Task AnMboxrdFileImportsUnquotedAndExportsBackToTheSameBytes()
    {
        var inbox = await MailboxAsync("INBOX");
        const string File = "From alice@example.com Tue Mar  5 05:08:09 2024\nFrom: alice@example.com\nSubject: one\n\n>From here\n>>From there\nplain\n\n"
                            + "From bob@example.com Wed Mar  6 05:08:09 2024\nFrom: bob@example.com\nSubject: two\n\n>>>From far\n\n";

        await Importer().ImportAsync(new MemoryStream(Encoding.ASCII.GetBytes(File)), inbox, null, Ct);
        using var exported = new MemoryStream();
        await new MboxExporter(Store).ExportAsync(inbox, exported, null, Ct);

        Assert.Equal("From: alice@example.com\nSubject: one\n\nFrom here\n>From there\nplain\n", Encoding.ASCII.GetString(await ContentAsync(inbox, 1)));
        Assert.Equal("From: bob@example.com\nSubject: two\n\n>>From far\n", Encoding.ASCII.GetString(await ContentAsync(inbox, 2)));
        Assert.Equal(File, Encoding.ASCII.GetString(exported.ToArray()));
    }

    [Fact]
    public async Task ImportKeepsMessageBytesDatesAndStatusFlags()
    {
        var inbox = await MailboxAsync("INBOX");
        var mbox = "From alice@example.com Tue Mar  5 05:08:09 2024\nSubject: read\nStatus: RO\nX-Status: AF\n\nbody one\n\n"
                   + "From bob@example.com Wed Mar  6 05:08:09 2024\nSubject: Re: new\nDate: Wed, 6 Mar 2024 01:00:00 +0000\n\nbody two\n\n";

        var result = await Importer().ImportAsync(new MemoryStream(Encoding.ASCII.GetBytes(mbox)), inbox, null, Ct);

        Assert.Equal(2, result.Messages);
        var stored = await Store.Messages.GetAsync(inbox.Id, [1, 2], Ct);
        Assert.Equal(MessageFlags.Seen | MessageFlags.Answered | MessageFlags.Flagged, stored[0].Flags);
        Assert.Equal(MessageFlags.None, stored[1].Flags);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 5, 8, 9, TimeSpan.Zero), stored[0].InternalDate);
        Assert.Equal("new", stored[1].Summary.SubjectSortKey);
        Assert.Equal("Subject: read\nStatus: RO\nX-Status: AF\n\nbody one\n", Encoding.ASCII.GetString(await ContentAsync(inbox, 1)));
        var reloaded = (await Store.Mailboxes.GetAsync(inbox.Id, Ct))!;
        Assert.Equal(1, reloaded.UnseenCount);
        Assert.Equal(result.Bytes, reloaded.TotalSize);
    }

    [Fact]
    public async Task ProgressReportsOnlyCommittedBatchesInOrder()
    {
        var inbox = await MailboxAsync("INBOX");
        var mbox = new StringBuilder();
        for (var i = 0; i < 25; i++)
            mbox.Append("From x Mon Jan  1 00:00:00 2024\nSubject: m").Append(i).Append("\n\nbody\n\n");
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress<ImportProgress>(reports.Add);

        var result = await Importer(batchMessages: 10).ImportAsync(new MemoryStream(Encoding.ASCII.GetBytes(mbox.ToString())), inbox, progress, Ct);

        Assert.Equal([10L, 20L, 25L], reports.Select(r => r.Messages));
        Assert.Equal(result.Bytes, reports[^1].Bytes);
        Assert.Equal(25, (await Store.Mailboxes.GetAsync(inbox.Id, Ct))!.MessageCount);
    }

    [Fact]
    public async Task ANonMboxFileImportsNothing()
    {
        var inbox = await MailboxAsync("INBOX");

        await Assert.ThrowsAsync<MailException>(() => Importer().ImportAsync(new MemoryStream("not mail"u8.ToArray()), inbox, null, Ct));
        Assert.Equal(0, (await Store.Mailboxes.GetAsync(inbox.Id, Ct))!.MessageCount);
    }

    [Fact]
    public async Task AppenderStoresOneMessage()
    {
        var drafts = await MailboxAsync("Drafts");

        var appended = await new MessageAppender(Store, TimeProvider.System).AppendAsync(
            drafts, "Subject: draft\r\n\r\ntext\r\n"u8.ToArray(), MessageFlags.Draft | MessageFlags.Seen, ["$todo"], null, Ct);

        var stored = Assert.Single(await Store.Messages.GetAsync(drafts.Id, [appended.Uid], Ct));
        Assert.Equal(["$todo"], stored.Keywords);
        Assert.Equal("draft", stored.Summary.SubjectSortKey);
    }

    private async Task<byte[]> ContentAsync(MailboxRecord mailbox, uint uid)
    {
        await using var content = (await Store.Messages.OpenContentAsync(mailbox.Id, uid, Ct))!;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
