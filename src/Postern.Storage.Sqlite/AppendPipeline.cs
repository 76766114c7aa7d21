using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Postern.Storage.Sqlite.Blobs;

namespace Postern.Storage.Sqlite;

/// <summary>
/// Group commit for appends: everything queued while a batch is being written goes into the next
/// batch, which costs one blob sync and one transaction however many appenders contributed to it.
/// </summary>
/// <remarks>
/// A batch: append every message's bytes to the pack file, sync it, then insert the rows (and the
/// pack's new committed length) in one transaction. Only after the commit are the appenders told
/// their UIDs. A crash before the commit leaves unreferenced bytes past the committed length, which
/// the next writer of that pack cuts off.
/// </remarks>
internal sealed class AppendPipeline : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteDatabase _database;
    private readonly BlobStore _blobs;
    private readonly SqliteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public AppendPipeline(SqliteDatabase database, BlobStore blobs, SqliteStoreOptions options, ILogger logger)
    {
        _database = database;
        _blobs = blobs;
        _options = options;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<IReadOnlyList<AppendedMessage>> AppendAsync(long mailboxId, IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
            return Task.FromResult<IReadOnlyList<AppendedMessage>>([]);
        foreach (var message in messages)
            Keywords.Validate(message.Keywords);

        var pending = new PendingAppend(mailboxId, messages, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteStore));
        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            long bytes = 0;
            var messages = 0;
            // Always take one; then more while the batch stays within its limits.
            while (_queue.Reader.TryPeek(out var next)
                   && (batch.Count == 0
                       || (messages + next.Messages.Count <= _options.MaxAppendBatchMessages
                           && bytes + next.Bytes <= _options.MaxAppendBatchBytes)))
            {
                _queue.Reader.TryRead(out _);
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Completion.TrySetCanceled(next.CancellationToken);
                    continue;
                }
                batch.Add(next);
                messages += next.Messages.Count;
                bytes += next.Bytes;
            }
            if (batch.Count > 0)
                await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        // The batch is written on behalf of several callers: one caller giving up must not abort it.
        var cancellationToken = CancellationToken.None;
        await _blobs.WriterGate.WaitAsync(cancellationToken);
        PackWriter? writer = null;
        try
        {
            writer = await _blobs.GetWriterAsync(cancellationToken);
            var locations = new List<BlobLocation[]>(batch.Count);
            foreach (var pending in batch)
                locations.Add(pending.Messages.Select(message => writer.Append(message.Content.Span)).ToArray());
            writer.Sync();

            var seal = writer.Length >= _options.MaxPackFileBytes;
            var results = await _database.WriteAsync(async write =>
            {
                var outcomes = new IReadOnlyList<AppendedMessage>?[batch.Count];
                await using var inserter = new MessageRows.Inserter(write.Transaction);
                for (var i = 0; i < batch.Count; i++)
                {
                    outcomes[i] = await SqliteMessageRepository.InsertAppendedAsync(
                        write, inserter, batch[i].MailboxId, batch[i].Messages, locations[i], cancellationToken);
                }
                await write.Transaction.ExecuteAsync(
                    "UPDATE blob_packs SET committed_length = $length, sealed = $sealed WHERE id = $id",
                    cancellationToken, ("$length", writer.Length), ("$sealed", seal ? 1 : 0), ("$id", writer.PackId));
                return outcomes;
            }, cancellationToken);
            writer.MarkCommitted();
            if (seal)
                _blobs.ReleaseWriter();

            for (var i = 0; i < batch.Count; i++)
            {
                if (results[i] is { } appended)
                    batch[i].Completion.TrySetResult(appended);
                else
                    batch[i].Completion.TrySetException(new StoreNotFoundException($"mailbox {batch[i].MailboxId} does not exist"));
            }
        }
        catch (Exception e)
        {
            // The boundary of this background job: whatever failed, the batch's callers get the
            // exception and the pack is left at its committed length.
            RollBack(writer);
            foreach (var pending in batch)
                pending.Completion.TrySetException(e);
        }
        finally
        {
            _blobs.WriterGate.Release();
        }
    }

    /// <summary>Drops a failed batch's bytes; if even that fails, lets go of the pack so the next claim cuts them off.</summary>
    private void RollBack(PackWriter? writer)
    {
        if (writer is null)
            return;
        try
        {
            writer.Rollback();
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "could not cut a failed batch off blob file {Pack}; releasing it", writer.PackId);
            _blobs.ReleaseWriter();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed class PendingAppend(long mailboxId, IReadOnlyList<NewMessage> messages, CancellationToken cancellationToken)
    {
        public long MailboxId { get; } = mailboxId;

        public IReadOnlyList<NewMessage> Messages { get; } = messages;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public long Bytes { get; } = messages.Sum(m => (long)m.Content.Length);

        public TaskCompletionSource<IReadOnlyList<AppendedMessage>> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
