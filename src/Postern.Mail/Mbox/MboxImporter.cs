using System.Diagnostics;
using Postern.Mail.Messages;
using Postern.Mime;
using Postern.Storage;

namespace Postern.Mail.Mbox;

/// <summary>How far an import has got: what is committed (durable), and how much of the file was read.</summary>
public readonly record struct ImportProgress(long Messages, long Bytes, long FileBytesRead);

/// <summary>What an import did.</summary>
/// <param name="Skipped">Messages left out for being larger than <see cref="MessageLimits.MaxMessageSize"/>.</param>
public sealed record ImportResult(long Messages, long Bytes, int Skipped, TimeSpan Elapsed);

/// <summary>
/// Imports an mbox file into a mailbox, streaming: one batch is parsed while the previous one is
/// being committed, so memory stays the same however large the file is.
/// </summary>
/// <remarks>
/// Progress is reported only for committed batches: what it says was imported survives a crash.
/// Cancelling stops after the batch being committed; nothing half-imported remains.
/// </remarks>
public sealed class MboxImporter(IStore store, TimeProvider time)
{
    /// <summary>
    /// Messages per batch: a thousand makes the two syncs of a commit negligible per message while
    /// a batch stays a fraction of a second of work (and a crash loses at most that much progress).
    /// </summary>
    public int BatchMessages { get; init; } = 1000;

    /// <summary>Bytes per batch, whichever comes first: 16 MiB bounds the memory two batches in flight take.</summary>
    public long BatchBytes { get; init; } = 16L << 20;

    /// <exception cref="MailException">The stream is not an mbox file.</exception>
    /// <exception cref="UnknownMailboxException">The mailbox was removed during the import.</exception>
    public async Task<ImportResult> ImportAsync(Stream mbox, MailboxRecord mailbox, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var reader = new MboxStreamReader(mbox);
        var committed = new ImportProgress(0, 0, 0);
        var batch = new List<NewMessage>(BatchMessages);
        long batchBytes = 0;
        Task? inFlight = null;

        async Task CommitAsync(List<NewMessage> messages, long bytes)
        {
            try
            {
                // Not cancelled with the import: a batch that started committing finishes.
                await store.Messages.AppendAsync(mailbox.Id, messages, CancellationToken.None);
            }
            catch (StoreNotFoundException)
            {
                throw new UnknownMailboxException(mailbox.Name);
            }
            committed = new ImportProgress(committed.Messages + messages.Count, committed.Bytes + bytes, reader.Position);
            progress?.Report(committed);
        }

        try
        {
            await foreach (var entry in reader.ReadAsync(cancellationToken))
            {
                batch.Add(Build(entry));
                batchBytes += entry.Content.Length;
                if (batch.Count < BatchMessages && batchBytes < BatchBytes)
                    continue;
                if (inFlight is not null)
                    await inFlight;
                inFlight = CommitAsync(batch, batchBytes);
                batch = new List<NewMessage>(BatchMessages);
                batchBytes = 0;
            }
        }
        finally
        {
            if (inFlight is not null)
                await inFlight;
        }
        if (batch.Count > 0)
            await CommitAsync(batch, batchBytes);
        return new ImportResult(committed.Messages, committed.Bytes, reader.SkippedMessages, clock.Elapsed);
    }

    /// <summary>
    /// The message to store: flags from its Status fields, arrival time from the separator line
    /// (else its Date, else now). The stored bytes are the message's own, Status fields included.
    /// </summary>
    private NewMessage Build(MboxEntry entry)
    {
        var message = MimeMessage.Parse(entry.Content);
        var summary = StoredMessages.Summarize(message);
        var arrived = MboxSeparator.ParseDate(entry.Separator) ?? summary.SentDate ?? time.GetUtcNow();
        return new NewMessage(entry.Content, MboxFlags.Read(message.Headers), [], arrived, summary);
    }
}
