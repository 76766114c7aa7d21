using System.Runtime.InteropServices;
using Postern.Mail.Messages;
using Postern.Mime;
using MimeSummary = Postern.Mime.Summary.MessageSummary;
using Postern.Storage;
using Postern.Testing;

namespace Postern.Mail.Tests.Reading;

/// <summary>Tests that measure allocations of the whole process run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

/// <summary>A stored message is parsed over the store's lease of its bytes, not over a copy of them.</summary>
[Collection(nameof(AllocationMeasurement))]
public class LargeMessageReadingTests : MailContext
{
    /// <summary>Above the 128 MiB the mail layer accepts: such messages reach the store through other means (an older store, a raised limit).</summary>
    private const long Size = 200L * 1024 * 1024;

    /// <summary>Far below the message's size: metadata rows, the part tree, header values, the summary.</summary>
    private const long AllocationBudget = 8 * 1024 * 1024;

    [Fact]
    public async Task A200MegabyteStoredMessageIsOpenedAndParsedWithoutCopyingItIntoTheHeap()
    {
        var alice = await CreateUserAsync();
        var inbox = await MailboxAsync(alice);
        await AppendDirectlyAsync(inbox.Id, LargeMessage.Create(Size));
        GC.Collect();

        var processBefore = GC.GetTotalAllocatedBytes(precise: true);
        using (var stored = await Reader.OpenAsync(alice, inbox, 1, markSeen: true, Ct))
        {
            var threadBefore = GC.GetAllocatedBytesForCurrentThread();
            var summary = MimeSummary.Create(stored.Message);
            var download = stored.GetDownload("02");
            var threadAllocated = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
            var processAllocated = GC.GetTotalAllocatedBytes(precise: true) - processBefore;

            Assert.InRange(threadAllocated, 0, AllocationBudget);
            Assert.InRange(processAllocated, 0, AllocationBudget);
            Assert.False(MemoryMarshal.TryGetArray(stored.Message.Source, out _), "the bytes are not in a managed array");
            Assert.Equal(stored.Record.Size, stored.Message.RawMessage.Length);
            Assert.Equal(MessageFlags.Seen, stored.Record.Flags);
            Assert.Equal(("A large attachment", true), (summary.Subject, summary.HasAttachments));
            Assert.Equal(("application/octet-stream", "large.bin"), (download.MediaType, download.FileName));
        }
    }

    [Fact]
    public async Task ForwardingAStoredMessageSendsItsBytesBeforeTheLeaseEnds()
    {
        var alice = await CreateUserAsync();
        await CreateAccountAsync("bob@example.com");
        var inbox = await MailboxAsync(alice);
        var original = LargeMessage.Create(1024 * 1024);
        await AppendDirectlyAsync(inbox.Id, original);

        await Submission.ForwardAsync(alice, inbox, [1], ["bob@example.com"], Ct);

        var bob = await Access.GetUserAsync(Postern.Accounts.AccountName.Parse("bob@example.com"), Ct);
        using var received = await Reader.OpenAsync(bob, await MailboxAsync(bob), 1, markSeen: false, Ct);
        var forwarded = received.Message.EnumerateParts().Single(p => p.ContentType.Is("message", "rfc822"));
        Assert.Equal(original, forwarded.Message!.RawMessage.ToArray());
    }

    /// <summary>Appends through the store, as an import of an older store would: the mail layer caps messages at 128 MiB.</summary>
    private async Task AppendDirectlyAsync(long mailboxId, byte[] content)
    {
        var summary = StoredMessages.Summarize(MimeMessage.Parse(content));
        await Store.Messages.AppendAsync(mailboxId, [new NewMessage(content, MessageFlags.None, [], DateTimeOffset.UtcNow, summary)], Ct);
    }
}
